#!/usr/bin/env python3
"""Generates a deterministic synthetic monorepo for golive's benchmarks.

The same seed gives the same tree byte for byte: services with source code, Kubernetes
manifests, Helm charts, workflows, compose files, Dockerfiles, package manifests and docs.
Usage: gen_corpus.py OUT_DIR [--services N]
"""
import argparse
import os
import random
import shutil

WORDS = ("order payment user cart search ledger invoice report catalog notify audit session "
         "inventory shipping pricing review gateway billing profile export").split()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


def js_module(rng, name):
    lines = [f"// {name}: handlers for the {rng.choice(WORDS)} flow", "'use strict';", ""]
    for i in range(rng.randint(20, 90)):
        word = rng.choice(WORDS)
        lines.append(f"function {word}{i}(req, res) {{")
        lines.append(f"  const value = req.query.{word} ?? {rng.randint(0, 9999)};")
        lines.append(f"  return res.json({{ {word}: value, ok: true }});")
        lines.append("}")
    lines.append("module.exports = {};")
    return "\n".join(lines) + "\n"


def deployment(rng, service, replicas):
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {service}
  labels:
    app: {service}
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: {service}
  template:
    metadata:
      labels:
        app: {service}
    spec:
      containers:
        - name: {service}
          image: registry.example.com/{service}:1.{rng.randint(0, 40)}.{rng.randint(0, 9)}
          ports:
            - containerPort: {rng.choice((8080, 3000, 8000))}
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 512Mi}}
          readinessProbe:
            httpGet: {{path: /healthz, port: 8080}}
---
apiVersion: v1
kind: Service
metadata:
  name: {service}
spec:
  selector:
    app: {service}
  ports:
    - port: 80
      targetPort: 8080
"""


def service_manifest(service):
    return (f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {service}\nspec:\n"
            f"  selector:\n    app: {service}\n  ports:\n    - port: 80\n      targetPort: 8080\n")


def resources_patch(service, env):
    replicas = 3 if env == "prod" else 1
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {service}\nspec:\n"
            f"  replicas: {replicas}\n  template:\n    spec:\n      containers:\n"
            f"        - name: {service}\n          resources:\n            limits:\n"
            f"              memory: 512Mi\n")


def workflow(service):
    return f"""name: {service}
on:
  pull_request:
    paths: ["services/{service}/**"]
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
      - uses: actions/setup-node@60edb5dd545a775178f52524783378180af0d1f8
        with:
          node-version: 20
      - run: npm ci
        working-directory: services/{service}
      - run: npm test -- --coverage
        working-directory: services/{service}
"""


def helm_values(rng, service):
    lines = [f"image:\n  repository: registry.example.com/{service}\n  tag: \"1.{rng.randint(0, 40)}.0\"",
             f"replicaCount: {rng.randint(2, 6)}", "env:"]
    for i in range(rng.randint(5, 30)):
        lines.append(f"  {rng.choice(WORDS).upper()}_{i}: \"{rng.randint(0, 10**6)}\"")
    return "\n".join(lines) + "\n"


def generate(out, services, seed=20261123):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    write(f"{out}/README.md", "# Synthetic monorepo\n\n## Quickstart\n\n    make dev\n")
    write(f"{out}/.gitignore", "node_modules/\n*.log\ndist/\n")
    for s in range(services):
        service = f"{rng.choice(WORDS)}-{s:04d}"
        root = f"{out}/services/{service}"
        write(f"{root}/package.json",
              '{\n  "name": "%s",\n  "version": "1.0.0",\n  "scripts": {"test": "jest", "lint": "eslint ."},\n'
              '  "dependencies": {"express": "^4.19.0", "pg": "^8.11.0"}\n}\n' % service)
        write(f"{root}/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
              "USER node\nHEALTHCHECK CMD wget -qO- localhost:8080/healthz\nCMD [\"node\", \"src/index.js\"]\n")
        write(f"{root}/README.md", f"# {service}\n\nOwns the {rng.choice(WORDS)} domain.\n")
        for m in range(rng.randint(12, 24)):
            write(f"{root}/src/{rng.choice(WORDS)}_{m}.js", js_module(rng, service))
        for t in range(rng.randint(3, 8)):
            write(f"{root}/test/{rng.choice(WORDS)}_{t}.test.js", js_module(rng, service))
        write(f"{root}/k8s/base/deployment.yaml", deployment(rng, service, rng.randint(1, 4)))
        write(f"{root}/k8s/base/service.yaml", service_manifest(service))
        write(f"{root}/k8s/base/kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n")
        for env in ("staging", "prod"):
            write(f"{root}/k8s/overlays/{env}/kustomization.yaml",
                  f"resources:\n  - ../../base\nnamespace: {env}\nnamePrefix: {env}-\n"
                  f"images:\n  - name: registry.example.com/{service}\n    newTag: \"1.{s % 40}.0\"\n"
                  "patches:\n  - path: resources.yaml\n")
            write(f"{root}/k8s/overlays/{env}/resources.yaml", resources_patch(service, env))
        write(f"{root}/chart/Chart.yaml", f"apiVersion: v2\nname: {service}\nversion: 0.1.0\n")
        write(f"{root}/chart/values.yaml", helm_values(rng, service))
        write(f"{root}/chart/templates/deployment.yaml",
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n")
        write(f"{out}/.github/workflows/{service}.yml", workflow(service))
        if s % 10 == 0:
            write(f"{root}/docker-compose.yml",
                  f"services:\n  {service}:\n    build: .\n    restart: unless-stopped\n")
        if s % 25 == 0:
            write(f"{root}/node_modules/left-pad/index.js", "module.exports = () => '';\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--services", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.services)


if __name__ == "__main__":
    main()

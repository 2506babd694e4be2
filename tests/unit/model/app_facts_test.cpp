// Application code facts read at build time (model/app_facts.cpp): libraries per capability,
// health routes, CORS settings, load-test scripts and which files count as application source.
#include "model/app_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/builder.h"
#include "model/model.h"
#include "model/step_kinds.h"

namespace golive::model {
namespace {

AppFacts facts_of(const std::vector<std::pair<std::string, std::string>>& files) {
  RepoModel model;
  for (const auto& [path, content] : files) add_file(model, path, content, BuildOptions{});
  return std::move(model.app);
}

const AppEvidence* evidence(const AppFacts& facts, AppCapability capability,
                            std::string_view library = "") {
  for (const auto& item : facts.evidence) {
    if (item.capability != capability) continue;
    if (library.empty() || item.library.find(library) != std::string::npos) return &item;
  }
  return nullptr;
}

TEST(AppFacts, NodeImportsAndDependencies) {
  AppFacts facts = facts_of({
      {"package.json",
       "{\n  \"dependencies\": {\n    \"express\": \"^4\",\n    \"prom-client\": \"^15\",\n"
       "    \"pino-pretty\": \"^10\"\n  }\n}\n"},
      {"src/server.js",
       "const express = require('express');\n"
       "import helmet from \"helmet\";\n"
       "const Sentry = require('@sentry/node');\n"
       "app.get('/healthz', (req, res) => res.send('ok'));\n"},
  });
  const AppEvidence* metrics = evidence(facts, AppCapability::kMetrics);
  ASSERT_NE(metrics, nullptr);
  EXPECT_EQ(metrics->path, "package.json");
  EXPECT_EQ(metrics->line, 4);
  EXPECT_TRUE(metrics->dependency);
  const AppEvidence* headers = evidence(facts, AppCapability::kSecurityHeaders);
  ASSERT_NE(headers, nullptr);
  EXPECT_EQ(headers->line, 2);
  EXPECT_EQ(headers->ecosystem, "node");
  ASSERT_NE(evidence(facts, AppCapability::kErrorTracking), nullptr);
  const AppEvidence* health = evidence(facts, AppCapability::kHealthRoute);
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->library, "route /healthz");
  EXPECT_EQ(health->line, 4);
  // pino-pretty is not pino: a pretty printer is not a structured logger.
  EXPECT_EQ(evidence(facts, AppCapability::kStructuredLogging), nullptr);
  ASSERT_EQ(facts.sources.size(), 1u);
  EXPECT_EQ(facts.sources[0].ecosystem, "node");
}

TEST(AppFacts, WinstonCountsOnlyWithJsonFormat) {
  EXPECT_EQ(evidence(facts_of({{"src/log.ts", "import winston from 'winston';\n"}}),
                     AppCapability::kStructuredLogging),
            nullptr);
  EXPECT_NE(evidence(facts_of({{"src/log.ts",
                                "import winston from 'winston';\n"
                                "export const log = winston.createLogger({ format: "
                                "winston.format.json() });\n"}}),
                     AppCapability::kStructuredLogging),
            nullptr);
}

TEST(AppFacts, PythonNamesAreNormalisedAndCommentsIgnored) {
  AppFacts facts = facts_of({
      {"requirements.txt", "# sentry-sdk dropped\nPrometheus_Client==0.20\nstructlog>=24\n"},
      {"app/main.py",
       "from fastapi import FastAPI\n"
       "from slowapi import Limiter\n"
       "\n"
       "@app.get(\"/readyz\")\n"
       "def ready():\n"
       "    return {}\n"},
  });
  const AppEvidence* metrics = evidence(facts, AppCapability::kMetrics);
  ASSERT_NE(metrics, nullptr);
  EXPECT_EQ(metrics->line, 2);
  EXPECT_EQ(evidence(facts, AppCapability::kErrorTracking), nullptr);
  ASSERT_NE(evidence(facts, AppCapability::kStructuredLogging), nullptr);
  ASSERT_NE(evidence(facts, AppCapability::kRateLimiting, "slowapi"), nullptr);
  const AppEvidence* health = evidence(facts, AppCapability::kHealthRoute);
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->line, 4);
}

TEST(AppFacts, PythonJsonLogFormatAndHandWrittenHeaders) {
  AppFacts facts = facts_of({{"app/main.py",
                              "logging.basicConfig(format='{\"time\":\"%(asctime)s\"}')\n"
                              "HEADERS = {\"Strict-Transport-Security\": \"max-age=1\"}\n"}});
  EXPECT_NE(evidence(facts, AppCapability::kStructuredLogging, "JSON format"), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kSecurityHeaders), nullptr);
}

TEST(AppFacts, GoModulesAndImportsAreExact) {
  AppFacts facts = facts_of({
      {"go.mod",
       "module example.com/api\n\nrequire (\n\tgo.opentelemetry.io/otel/sdk/metric v1.24.0\n"
       ")\n"},
      {"cmd/api/main.go",
       "package main\n\nimport (\n\t\"net/http\"\n\t\"golang.org/x/time/rate\"\n"
       "\t\"github.com/prometheus/client_golang/prometheus/promhttp\"\n)\n\n"
       "func main() {\n\tmux.HandleFunc(\"GET /healthz\", health)\n"
       "\tslog.New(slog.NewJSONHandler(os.Stdout, nil))\n}\n"},
  });
  // The metrics SDK module is not the tracing SDK module.
  EXPECT_EQ(evidence(facts, AppCapability::kTracing), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kMetrics, "go.opentelemetry.io/otel/sdk/metric"),
            nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kMetrics, "client_golang"), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kRateLimiting), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kStructuredLogging), nullptr);
  const AppEvidence* health = evidence(facts, AppCapability::kHealthRoute);
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->line, 10);
}

TEST(AppFacts, JavaDependenciesImportsAndLogbackConfig) {
  AppFacts facts = facts_of({
      {"pom.xml",
       "<project>\n  <dependencies>\n    <dependency>\n"
       "      <groupId>org.springframework.boot</groupId>\n"
       "      <artifactId>spring-boot-starter-actuator</artifactId>\n"
       "    </dependency>\n  </dependencies>\n</project>\n"},
      {"src/main/resources/logback-spring.xml",
       "<configuration>\n  <appender name=\"json\">\n"
       "    <encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/>\n"
       "  </appender>\n</configuration>\n"},
      {"src/main/java/com/example/Api.java",
       "package com.example;\nimport io.sentry.Sentry;\n"
       "@RestController\nclass Api {\n  @GetMapping(\"/ready\")\n  String ready() { return "
       "\"ok\"; }\n}\n"},
  });
  EXPECT_NE(evidence(facts, AppCapability::kHealthRoute, "actuator"), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kHealthRoute, "route /ready"), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kStructuredLogging), nullptr);
  const AppEvidence* sentry = evidence(facts, AppCapability::kErrorTracking);
  ASSERT_NE(sentry, nullptr);
  EXPECT_EQ(sentry->line, 2);
}

TEST(AppFacts, TestsMinifiedAndExampleCodeAreNotApplicationSource) {
  std::string minified = "var a=1;" + std::string(8000, 'x') + "require('@sentry/node');";
  AppFacts facts = facts_of({
      {"tests/test_api.py", "import sentry_sdk\n"},
      {"src/app.test.ts", "import * as Sentry from '@sentry/node';\n"},
      {"examples/demo/main.go", "import \"github.com/getsentry/sentry-go\"\n"},
      {"public/vendor.min.js", minified},
      {"static/bundle.js", minified},
  });
  EXPECT_EQ(evidence(facts, AppCapability::kErrorTracking), nullptr);
  EXPECT_FALSE(facts.has_sources());
}

TEST(AppFacts, CorsWildcardWithCredentialsInEachEcosystem) {
  AppFacts facts = facts_of({
      {"src/app.js", "app.use(cors({\n  origin: '*',\n  credentials: true,\n}));\n"},
      {"app/main.py",
       "app.add_middleware(\n    CORSMiddleware,\n    allow_origins=[\"*\"],\n"
       "    allow_credentials=True,\n)\n"},
      {"main.go",
       "c := cors.New(cors.Options{\n\tAllowedOrigins: []string{\"*\"},\n"
       "\tAllowCredentials: true,\n})\n"},
      {"src/main/java/Web.java",
       "@CrossOrigin(origins = \"*\", allowCredentials = \"true\")\nclass Web {}\n"},
  });
  ASSERT_EQ(facts.cors.size(), 4u);
  for (const auto& setting : facts.cors) {
    EXPECT_TRUE(setting.wildcard_origin) << setting.path;
    EXPECT_TRUE(setting.allows_credentials) << setting.path;
  }
}

TEST(AppFacts, CorsDefaultsAndStrictOrigins) {
  AppFacts facts = facts_of({
      {"src/open.js", "app.use(cors());\n"},
      {"src/strict.js",
       "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n"},
      {"app/main.py",
       "app.add_middleware(CORSMiddleware, allow_origins=settings.origins, "
       "allow_credentials=True)\n"},
  });
  ASSERT_EQ(facts.cors.size(), 3u);
  for (const auto& setting : facts.cors) {
    if (setting.path == "src/open.js") {
      EXPECT_TRUE(setting.wildcard_origin);
      EXPECT_FALSE(setting.allows_credentials);
    } else {
      EXPECT_FALSE(setting.wildcard_origin) << setting.path;
      EXPECT_TRUE(setting.allows_credentials) << setting.path;
    }
  }
}

TEST(AppFacts, CorsInProductionConfig) {
  AppFacts facts = facts_of({
      {"deploy/.env.production", "PORT=8080\nCORS_ORIGIN=*\n"},
      {".env", "CORS_ORIGIN=*\n"},
      {".env.example", "CORS_ORIGIN=*\n"},
      {"k8s/prod/deployment.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
       "        - name: api\n          env:\n            - name: ALLOWED_ORIGINS\n"
       "              value: \"*\"\n"},
      {"charts/api/values-prod.yaml", "cors:\n  allowedOrigins: [\"*\"]\n"},
  });
  std::vector<std::string> production;
  for (const auto& setting : facts.cors) {
    EXPECT_TRUE(setting.wildcard_origin);
    if (setting.production) production.push_back(setting.path + ":" + std::to_string(setting.line));
  }
  std::sort(production.begin(), production.end());
  EXPECT_EQ(production,
            (std::vector<std::string>{"charts/api/values-prod.yaml:2", "deploy/.env.production:2",
                                      "k8s/prod/deployment.yaml:10"}));
}

TEST(AppFacts, IngressAnnotationsAndNginx) {
  AppFacts facts = facts_of({
      {"k8s/ingress.yaml",
       "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  annotations:\n"
       "    nginx.ingress.kubernetes.io/enable-cors: \"true\"\n"
       "    nginx.ingress.kubernetes.io/limit-rps: \"20\"\n"},
      {"deploy/nginx/site.conf",
       "server {\n  add_header Strict-Transport-Security \"max-age=63072000\" always;\n"
       "  limit_req zone=api burst=20;\n}\n"},
  });
  ASSERT_EQ(facts.cors.size(), 1u);
  EXPECT_TRUE(facts.cors[0].wildcard_origin);  // the controller's default origin is "*"
  EXPECT_TRUE(facts.cors[0].allows_credentials);
  EXPECT_EQ(facts.cors[0].line, 5);
  EXPECT_NE(evidence(facts, AppCapability::kRateLimiting, "limit-rps"), nullptr);
  EXPECT_NE(evidence(facts, AppCapability::kRateLimiting, "limit_req"), nullptr);
  const AppEvidence* hsts = evidence(facts, AppCapability::kSecurityHeaders);
  ASSERT_NE(hsts, nullptr);
  EXPECT_EQ(hsts->line, 2);
}

TEST(AppFacts, LoadTestsAndTheirThresholds) {
  AppFacts facts = facts_of({
      {"loadtest/api.js",
       "import http from 'k6/http';\n\nexport const options = {\n  thresholds: {\n"
       "    http_req_duration: ['p(95)<500'],\n  },\n};\n"},
      {"loadtest/locustfile.py", "from locust import HttpUser, task\n"},
      {"perf/artillery.yml",
       "config:\n  target: https://staging.example.com\n  ensure:\n    p95: 500\n"
       "scenarios:\n  - flow:\n      - get:\n          url: /\n"},
      {"perf/plan.jmx", "<?xml version=\"1.0\"?>\n<jmeterTestPlan version=\"1.2\">\n"},
      {"src/test/scala/ApiSimulation.scala",
       "class ApiSimulation extends Simulation {\n  setUp(scn).assertions(global.failedRequests"
       ".percent.lt(1))\n}\n"},
  });
  ASSERT_EQ(facts.load_tests.size(), 5u);
  std::sort(facts.load_tests.begin(), facts.load_tests.end(),
            [](const LoadTestScript& a, const LoadTestScript& b) { return a.tool < b.tool; });
  EXPECT_EQ(facts.load_tests[0].tool, "artillery");
  EXPECT_EQ(facts.load_tests[0].thresholds_line, 3);
  EXPECT_EQ(facts.load_tests[1].tool, "gatling");
  EXPECT_EQ(facts.load_tests[1].thresholds_line, 2);
  EXPECT_EQ(facts.load_tests[2].tool, "jmeter");
  EXPECT_EQ(facts.load_tests[2].thresholds_line, 0);
  EXPECT_EQ(facts.load_tests[3].tool, "k6");
  EXPECT_EQ(facts.load_tests[3].line, 1);
  EXPECT_EQ(facts.load_tests[3].thresholds_line, 4);
  EXPECT_EQ(facts.load_tests[4].tool, "locust");
  EXPECT_EQ(facts.load_tests[4].thresholds_line, 0);
  // A k6 script is not application source.
  EXPECT_FALSE(facts.has_sources());
}

// CI steps that run load tests: the tools' CLIs, also through their Docker images and npx.
TEST(AppFacts, LoadTestCommandsAreRecognisedInCi) {
  auto runs_load_test = [](std::string_view run) {
    for (const auto& kind : recognise_step("", run)) {
      if (kind.kind == StepKind::kLoadTest) return true;
    }
    return false;
  };
  EXPECT_TRUE(runs_load_test("docker run --rm -i grafana/k6:0.51.0 run - < loadtest/api.js"));
  EXPECT_TRUE(runs_load_test("npx artillery@2.0.15 run perf/api.yml"));
  EXPECT_TRUE(runs_load_test("jmeter -n -t perf/plan.jmx -l results.jtl"));
  EXPECT_TRUE(runs_load_test("locust -f loadtest/locustfile.py --headless"));
  EXPECT_FALSE(runs_load_test("npm test"));
}

TEST(AppFacts, MergeKeepsTheFirstPathPerEcosystem) {
  AppFacts one = facts_of({{"a/main.py", "print(1)\n"}});
  AppFacts two = facts_of({{"b/main.py", "print(2)\n"}, {"b/x.go", "package b\n"}});
  one.merge(two);
  ASSERT_EQ(one.sources.size(), 2u);
  EXPECT_EQ(one.sources[0].first_path, "a/main.py");
  EXPECT_EQ(one.sources[0].files, 2u);
  EXPECT_EQ(one.source_ecosystems(), "go, python");
}

}  // namespace
}  // namespace golive::model

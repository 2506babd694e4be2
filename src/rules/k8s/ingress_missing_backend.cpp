#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

struct Backend {
  std::string what;  // "example.com/api", "its default backend"
  const parse::Node* name = nullptr;
  const parse::Node* port = nullptr;  // a number or a port name
};

// A backend in the networking.k8s.io/v1 shape (service: {name, port: {number|name}}) or the
// older one (serviceName, servicePort). Resource backends have no service and are skipped.
void add_backend(const parse::Node* backend, std::string what, std::vector<Backend>& out) {
  if (backend == nullptr || !backend->is_map()) return;
  if (const parse::Node* service = backend->find("service"); service && service->is_map()) {
    const parse::Node* port = node_at(*service, {"port", "number"});
    if (port == nullptr) port = node_at(*service, {"port", "name"});
    out.push_back({std::move(what), service->find("name"), port});
    return;
  }
  if (const parse::Node* name = backend->find("serviceName"))
    out.push_back({std::move(what), name, backend->find("servicePort")});
}

std::vector<Backend> backends_of(const model::RenderedObject& ingress) {
  std::vector<Backend> out;
  const parse::Node* spec = node_at(ingress.node, {"spec"});
  if (spec == nullptr || !spec->is_map()) return out;
  add_backend(spec->find("defaultBackend"), "its default backend", out);
  add_backend(spec->find("backend"), "its default backend", out);
  const parse::Node* rules = spec->find("rules");
  if (rules == nullptr || !rules->is_seq()) return out;
  for (const auto& rule : rules->children) {
    if (!rule.is_map()) continue;
    std::string host = rule.get("host", "*");
    const parse::Node* paths = node_at(rule, {"http", "paths"});
    if (paths == nullptr || !paths->is_seq()) continue;
    for (const auto& path : paths->children) {
      if (!path.is_map()) continue;
      add_backend(path.find("backend"), "'" + host + path.get("path", "/") + "'", out);
    }
  }
  return out;
}

// The ports a Service declares, as "80 (http)"; whether `port` names or numbers one of them.
bool declares_port(const model::RenderedObject& service, const parse::Node& port,
                   std::vector<std::string>& declared) {
  const parse::Node* ports = node_at(service.node, {"spec", "ports"});
  bool found = false;
  if (ports == nullptr || !ports->is_seq()) return false;
  for (const auto& entry : ports->children) {
    if (!entry.is_map()) continue;
    std::string number = entry.get("port");
    std::string name = entry.get("name");
    declared.push_back(name.empty() ? number : number + " (" + name + ")");
    if (port.value == number || (!name.empty() && port.value == name)) found = true;
  }
  return found;
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* ingress : index.of_kind("Ingress")) {
      for (const auto& backend : backends_of(*ingress)) {
        if (backend.name == nullptr || !backend.name->is_scalar()) continue;
        const std::string& name = backend.name->value;
        if (name.empty() || is_templated(name)) continue;
        // An ALB action ("alb.ingress.kubernetes.io/actions.<name>", port "use-annotation").
        if ((backend.port != nullptr && backend.port->value == "use-annotation") ||
            !annotation(*ingress, "alb.ingress.kubernetes.io/actions." + name).empty())
          continue;
        any = true;
        const model::RenderedObject* service = index.find("Service", name, *ingress);
        if (service == nullptr) {
          reporter.add(environment, ingress->where(*backend.name),
                       ingress->label() + " routes " + backend.what + " to Service '" + name +
                           "', which is not in the environment",
                       name);
          continue;
        }
        const parse::Node* port = backend.port;
        if (port == nullptr || !port->is_scalar() || port->value.empty() ||
            is_templated(port->value))
          continue;
        std::vector<std::string> declared;
        if (declares_port(*service, *port, declared)) continue;
        reporter.add(environment, ingress->where(*port),
                     ingress->label() + " routes " + backend.what + " to port " + port->value +
                         " of " + service->label() + ", which declares " +
                         (declared.empty() ? "no ports" : "only " + core::join(declared, ", ")),
                     name + ":" + port->value);
      }
    }
  }
  if (!any) context.not_applicable("no Ingress routes to a Service in any environment");
}

}  // namespace

extern const Rule kIngressMissingBackend;
const Rule kIngressMissingBackend{
    {.id = "k8s/ingress-missing-backend",
     .section = "k8s",
     .title = "Ingress backends name a Service and port that exist",
     .severity = Severity::kError,
     .seeds = "002 §2",
     .rationale =
         "An Ingress backend that names a Service the environment does not define, or a port "
         "the Service does not declare, applies without error and then answers 503 (or the "
         "controller's default backend) for that host and path. It happens when a Service is "
         "renamed, a kustomize namePrefix is missed, or a port is renumbered. golive resolves "
         "every rule path and the default backend (networking.k8s.io/v1 service.name and "
         "port.number or port.name, and the older serviceName/servicePort) against the "
         "Services of the same environment and namespace. Resource backends, templated names "
         "and ALB actions (port 'use-annotation') are skipped.",
     .remediation =
         "Point the backend at the Service as rendered ('service: {name: api, port: {number: "
         "80}}') or name the port the Service declares ('port: {name: http}'), and check the "
         "rendered overlay with 'kustomize build overlays/prod'.",
     .also = "kube-score ingress-targets-service, kube-linter dangling-ingress"},
    check};

}  // namespace golive::rules::k8s

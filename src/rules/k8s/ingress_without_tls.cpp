#include "rules/k8s/k8s_common.h"
#include "rules/per_object.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// The hosts the spec.tls entries list; `all` when an entry lists none (it covers every host).
struct TlsHosts {
  std::vector<std::string> hosts;
  bool all = false;
  bool any_entry = false;
};

TlsHosts tls_hosts(const model::RenderedObject& ingress) {
  TlsHosts out;
  const parse::Node* tls = node_at(ingress.node, {"spec", "tls"});
  if (tls == nullptr || !tls->is_seq()) return out;
  for (const auto& entry : tls->children) {
    if (!entry.is_map()) continue;
    out.any_entry = true;
    const parse::Node* hosts = entry.find("hosts");
    if (hosts == nullptr || !hosts->is_seq() || hosts->children.empty()) {
      out.all = true;
      continue;
    }
    for (const auto& host : hosts->children) {
      if (host.is_scalar()) out.hosts.push_back(host.value);
    }
  }
  return out;
}

bool covered(const TlsHosts& tls, const std::string& host) {
  if (tls.all) return true;
  for (const auto& tls_host : tls.hosts) {
    if (tls_host_covers(tls_host, host)) return true;
  }
  return false;
}

void check(ObjectReport& report, const model::K8sEnvironment& environment,
           const model::RenderedObject& ingress) {
  if (!environment.production && is_dev_environment(environment)) return;
  report.applies();
  if (has_annotation_tls(ingress)) return;
  TlsHosts tls = tls_hosts(ingress);
  if (!tls.any_entry) {
    report.report(ingress.where(), ingress.label() + " has no spec.tls, so it serves plain HTTP");
    return;
  }
  const parse::Node* rules = node_at(ingress.node, {"spec", "rules"});
  if (rules == nullptr || !rules->is_seq()) return;
  for (const auto& rule : rules->children) {
    const parse::Node* host = rule.is_map() ? rule.find("host") : nullptr;
    if (host == nullptr || !host->is_scalar() || host->value.empty() || is_templated(host->value) ||
        covered(tls, host->value))
      continue;
    report.report(ingress.where(*host),
                  ingress.label() + " serves host '" + host->value +
                      "' without TLS: no spec.tls entry lists it",
                  host->value);
  }
}

}  // namespace

extern const Rule kIngressWithoutTls;
const Rule kIngressWithoutTls{
    .meta =
        {.id = "k8s/ingress-without-tls",
         .section = "k8s",
         .title = "Ingresses serve every host over TLS",
         .severity = Severity::kError,
         .seeds = "002 §2, 004 T027",
         .rationale =
             "An Ingress without spec.tls serves its hosts over plain HTTP: session cookies, "
             "tokens and form posts cross the internet readable and modifiable, and browsers mark "
             "the site not secure. A host that no tls entry lists is served with the controller's "
             "default (self-signed) certificate or not at all over HTTPS. golive checks every "
             "environment except those named for development (a dev, development, local, test, "
             "testing, qa, kind, minikube, e2e, ci, sandbox or demo segment), since staging must "
             "mirror production and an unnamed environment may be production; a tls entry "
             "without hosts covers every host, '*.example.com' covers one label. TLS set up by "
             "annotation counts: an ALB certificate-arn, GKE managed-certificates or "
             "pre-shared-cert, Traefik router.tls.",
         .remediation =
             "Add 'tls: [{hosts: [app.example.com], secretName: app-example-com-tls}]' to the "
             "Ingress spec, listing every rule host, and let cert-manager issue the certificate "
             "('cert-manager.io/cluster-issuer: letsencrypt-prod').",
         .also = "Polaris tlsSettingsMissing",
         .inspects = Inspects::kIngress,
         .inapplicable_reason = "no Ingress in a production, staging or unnamed environment"},
    .check_ingress = check};

}  // namespace golive::rules::k8s

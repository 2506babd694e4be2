#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

// cert-manager's ingress-shim annotations, or a certificate the load balancer manages.
bool managed_by_annotation(const model::RenderedObject& ingress) {
  return !annotation(ingress, "cert-manager.io/cluster-issuer").empty() ||
         !annotation(ingress, "cert-manager.io/issuer").empty() ||
         annotation(ingress, "kubernetes.io/tls-acme") == "true" ||
         !annotation(ingress, "traefik.ingress.kubernetes.io/router.tls.certresolver").empty() ||
         has_annotation_tls(ingress);
}

bool issued_by_certificate(const ObjectIndex& index, const model::RenderedObject& ingress,
                           const std::string& secret) {
  for (const auto* certificate : index.of_kind("Certificate")) {
    if (scalar_at(certificate->node, {"spec", "secretName"}) == secret &&
        same_namespace(*certificate, ingress))
      return true;
  }
  return false;
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    if (!environment.production && is_dev_environment(environment)) continue;
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* ingress : index.of_kind("Ingress")) {
      const parse::Node* tls = node_at(ingress->node, {"spec", "tls"});
      if (tls == nullptr || !tls->is_seq() || tls->children.empty()) continue;
      any = true;
      if (managed_by_annotation(*ingress)) continue;
      for (const auto& entry : tls->children) {
        const parse::Node* secret = entry.is_map() ? entry.find("secretName") : nullptr;
        // No secretName: the controller's default certificate, configured elsewhere.
        if (secret == nullptr || !secret->is_scalar() || secret->value.empty() ||
            is_templated(secret->value))
          continue;
        if (issued_by_certificate(index, *ingress, secret->value)) continue;
        reporter.add(environment, ingress->where(*secret),
                     ingress->label() + " serves the certificate in Secret '" + secret->value +
                         "', but no cert-manager annotation or Certificate issues it, so it "
                         "expires unless someone renews it by hand",
                     secret->value);
      }
    }
  }
  if (!any) context.not_applicable("no Ingress with spec.tls outside development environments");
}

}  // namespace

extern const Rule kIngressMissingCertIssuer;
const Rule kIngressMissingCertIssuer{
    {.id = "k8s/ingress-missing-cert-issuer",
     .section = "k8s",
     .title = "Ingress certificates are issued and renewed automatically",
     .severity = Severity::kWarning,
     .seeds = "002 §2, 004 T026, 004 T027",
     .rationale =
         "A TLS Secret created by hand works until the certificate expires (90 days for "
         "Let's Encrypt), and then the site is down for every client at once, usually at a "
         "moment nobody planned. cert-manager issues and renews the certificate when the "
         "Ingress carries cert-manager.io/cluster-issuer, cert-manager.io/issuer or "
         "kubernetes.io/tls-acme: \"true\", or when a Certificate object writes the Secret "
         "the Ingress names. golive also accepts certificates the load balancer manages (an "
         "ALB certificate-arn, GKE managed-certificates or pre-shared-cert) and a Traefik "
         "ACME certresolver. A tls entry without secretName uses the controller's default "
         "certificate and is skipped, as are development environments.",
     .remediation =
         "Annotate the Ingress with 'cert-manager.io/cluster-issuer: letsencrypt-prod' (and "
         "commit the ClusterIssuer), or add a cert-manager Certificate with 'spec.secretName' "
         "equal to the Ingress's tls secretName.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s

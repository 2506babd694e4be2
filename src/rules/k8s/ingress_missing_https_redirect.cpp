#include "core/strings.h"
#include "rules/k8s/k8s_common.h"
#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

enum class Controller { kUnknown, kNginx, kTraefik, kAlb, kGce };

bool has_annotation_prefix(const model::RenderedObject& ingress, std::string_view prefix) {
  const parse::Node* annotations = node_at(ingress.node, {"metadata", "annotations"});
  if (annotations == nullptr || !annotations->is_map()) return false;
  for (const auto& entry : annotations->children) {
    if (entry.key.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The controller named by ingressClassName or the class annotation, else guessed from the
// annotations the Ingress carries.
Controller controller_of(const model::RenderedObject& ingress) {
  std::string name = scalar_at(ingress.node, {"spec", "ingressClassName"});
  if (name.empty()) name = annotation(ingress, "kubernetes.io/ingress.class");
  name = core::to_lower(name);
  if (!name.empty()) {
    if (name.find("nginx") != std::string::npos) return Controller::kNginx;
    if (name.find("traefik") != std::string::npos) return Controller::kTraefik;
    if (name == "alb" || name.find("aws-alb") != std::string::npos) return Controller::kAlb;
    if (name.rfind("gce", 0) == 0) return Controller::kGce;
    return Controller::kUnknown;
  }
  if (has_annotation_prefix(ingress, "nginx.ingress.kubernetes.io/")) return Controller::kNginx;
  if (has_annotation_prefix(ingress, "traefik.ingress.kubernetes.io/")) return Controller::kTraefik;
  if (has_annotation_prefix(ingress, "alb.ingress.kubernetes.io/")) return Controller::kAlb;
  if (has_annotation_prefix(ingress, "networking.gke.io/") ||
      has_annotation_prefix(ingress, "ingress.gcp.kubernetes.io/") ||
      !annotation(ingress, "kubernetes.io/ingress.global-static-ip-name").empty())
    return Controller::kGce;
  return Controller::kUnknown;
}

bool has_tls(const model::RenderedObject& ingress) {
  const parse::Node* tls = node_at(ingress.node, {"spec", "tls"});
  return (tls != nullptr && tls->is_seq() && !tls->children.empty()) || has_annotation_tls(ingress);
}

const parse::Node* annotation_node(const model::RenderedObject& ingress, std::string_view key) {
  const parse::Node* annotations = node_at(ingress.node, {"metadata", "annotations"});
  return annotations != nullptr && annotations->is_map() ? annotations->find(key) : nullptr;
}

struct Gap {
  const parse::Node* at = nullptr;  // the annotation to point at, or nullptr for the object
  std::string why;
};

std::optional<Gap> nginx_gap(const model::RenderedObject& ingress) {
  const parse::Node* redirect =
      annotation_node(ingress, "nginx.ingress.kubernetes.io/ssl-redirect");
  if (redirect == nullptr || core::to_lower(redirect->value) != "false") return std::nullopt;
  if (annotation(ingress, "nginx.ingress.kubernetes.io/force-ssl-redirect") == "true")
    return std::nullopt;
  return Gap{redirect, "turns off ingress-nginx's HTTPS redirect (ssl-redirect: \"false\")"};
}

// A Traefik middleware reference ("prod-redirect-https@kubernetescrd") that redirects: a
// Middleware of the environment with redirectScheme, or one named for a redirect.
bool redirect_middleware(const ObjectIndex& index, const model::RenderedObject& ingress,
                         std::string_view references) {
  for (const auto& part : core::split(references, ',')) {
    std::string reference = std::string(core::trim(part));
    std::string name = reference.substr(0, reference.find('@'));
    for (const auto* middleware : index.of_kind("Middleware")) {
      if (!same_namespace(*middleware, ingress)) continue;
      std::string full = middleware->namespace_name.empty()
                             ? middleware->name
                             : middleware->namespace_name + "-" + middleware->name;
      bool named = name == middleware->name || name == full ||
                   (middleware->namespace_name.empty() && name.size() > middleware->name.size() &&
                    name.compare(name.size() - middleware->name.size() - 1, std::string::npos,
                                 "-" + middleware->name) == 0);
      if (named && node_at(middleware->node, {"spec", "redirectScheme"}) != nullptr) return true;
    }
    std::string lower = core::to_lower(name);
    if (lower.find("redirect") != std::string::npos || lower.find("https") != std::string::npos)
      return true;
  }
  return false;
}

std::optional<Gap> traefik_gap(const ObjectIndex& index, const model::RenderedObject& ingress) {
  const parse::Node* entrypoints =
      annotation_node(ingress, "traefik.ingress.kubernetes.io/router.entrypoints");
  if (entrypoints != nullptr) {
    bool plain = false;
    for (const auto& part : core::split(entrypoints->value, ',')) {
      std::string name = core::to_lower(core::trim(part));
      if (name == "web" || name == "http") plain = true;
    }
    if (!plain) return std::nullopt;  // only HTTPS entrypoints such as websecure
  }
  std::string middlewares = annotation(ingress, "traefik.ingress.kubernetes.io/router.middlewares");
  if (redirect_middleware(index, ingress, middlewares)) return std::nullopt;
  return Gap{entrypoints,
             entrypoints != nullptr
                 ? "is served by Traefik on the '" + entrypoints->value +
                       "' entrypoints with no redirect middleware"
                 : "is served by Traefik on every entrypoint with no redirect middleware"};
}

std::optional<Gap> alb_gap(const model::RenderedObject& ingress) {
  if (annotation_node(ingress, "alb.ingress.kubernetes.io/ssl-redirect") != nullptr ||
      annotation_node(ingress, "alb.ingress.kubernetes.io/actions.ssl-redirect") != nullptr)
    return std::nullopt;
  const parse::Node* ports = annotation_node(ingress, "alb.ingress.kubernetes.io/listen-ports");
  if (ports != nullptr) {
    if (ports->value.find("\"HTTP\"") == std::string::npos) return std::nullopt;
    return Gap{ports, "opens an ALB HTTP listener without alb.ingress.kubernetes.io/ssl-redirect"};
  }
  // Without listen-ports the ALB listens on HTTPS 443 when a certificate-arn is set, else on
  // HTTP 80 only.
  if (!annotation(ingress, "alb.ingress.kubernetes.io/certificate-arn").empty())
    return std::nullopt;
  return Gap{nullptr,
             "sets no alb.ingress.kubernetes.io/listen-ports, so the ALB listens on HTTP 80 and "
             "nothing redirects it"};
}

std::optional<Gap> gce_gap(const ObjectIndex& index, const model::RenderedObject& ingress) {
  if (annotation(ingress, "kubernetes.io/ingress.allow-http") == "false") return std::nullopt;
  const parse::Node* reference =
      annotation_node(ingress, "networking.gke.io/v1beta1.FrontendConfig");
  if (reference == nullptr)
    return Gap{nullptr,
               "is served by GCE with HTTP allowed and no FrontendConfig with redirectToHttps"};
  const auto* config = index.find("FrontendConfig", reference->value, ingress);
  if (config == nullptr) return std::nullopt;  // defined elsewhere: nothing to judge
  const parse::Node* enabled = node_at(config->node, {"spec", "redirectToHttps", "enabled"});
  if (enabled != nullptr && enabled->truthy()) return std::nullopt;
  return Gap{reference, "uses " + config->label() + ", which does not enable redirectToHttps"};
}

void check(RuleContext& context) {
  bool any = false;
  EnvironmentReporter reporter(context);
  for (const auto& environment : context.model().k8s_environments) {
    if (!environment.production && is_dev_environment(environment)) continue;
    const ObjectIndex& index = context.model().object_index(environment);
    for (const auto* ingress : index.of_kind("Ingress")) {
      if (!has_tls(*ingress)) continue;
      std::optional<Gap> gap;
      switch (controller_of(*ingress)) {
        case Controller::kNginx:
          gap = nginx_gap(*ingress);
          break;
        case Controller::kTraefik:
          gap = traefik_gap(index, *ingress);
          break;
        case Controller::kAlb:
          gap = alb_gap(*ingress);
          break;
        case Controller::kGce:
          gap = gce_gap(index, *ingress);
          break;
        case Controller::kUnknown:
          continue;
      }
      any = true;
      if (!gap) continue;
      reporter.add(
          environment, gap->at != nullptr ? ingress->where(*gap->at) : ingress->where(),
          ingress->label() + " " + gap->why + ", so its TLS hosts also answer over plain HTTP");
    }
  }
  if (!any)
    context.not_applicable(
        "no TLS Ingress for ingress-nginx, Traefik, ALB or GCE outside development environments");
}

}  // namespace

extern const Rule kIngressMissingHttpsRedirect;
const Rule kIngressMissingHttpsRedirect{
    {.id = "k8s/ingress-missing-https-redirect",
     .section = "k8s",
     .title = "Ingresses redirect HTTP to HTTPS",
     .severity = Severity::kWarning,
     .seeds = "002 §2, 004 T027, 004 T029",
     .rationale =
         "TLS on an Ingress does not stop it answering on port 80: a user who types the bare "
         "domain, an old link or a downgrade attacker gets the site over plain HTTP, cookies "
         "included. Whether HTTP is redirected depends on the controller's documented "
         "default, so golive checks each one as documented. ingress-nginx redirects (308) "
         "to HTTPS whenever the Ingress has TLS, so it fires only when "
         "nginx.ingress.kubernetes.io/ssl-redirect is \"false\" without force-ssl-redirect. "
         "Traefik never redirects on its own: the router must be limited to HTTPS "
         "entrypoints (router.entrypoints: websecure) or use a redirectScheme middleware "
         "(router.middlewares); a redirect set globally in Traefik's static configuration is "
         "not visible in manifests, so suppress the finding with that reason. The AWS Load "
         "Balancer Controller redirects only with alb.ingress.kubernetes.io/ssl-redirect (or "
         "the older actions.ssl-redirect), and needs none when listen-ports opens HTTPS only "
         "(the default when a certificate-arn is set). GKE Ingress redirects only with a "
         "FrontendConfig whose redirectToHttps is enabled, or serves no HTTP with "
         "kubernetes.io/ingress.allow-http: \"false\"; a FrontendConfig defined outside the "
         "environment is trusted. Ingresses without TLS are k8s/ingress-without-tls's "
         "concern; other controllers and development environments are skipped.",
     .remediation =
         "ingress-nginx: drop 'ssl-redirect: \"false\"' (or set force-ssl-redirect: \"true\" "
         "when TLS ends at a load balancer in front). Traefik: "
         "'traefik.ingress.kubernetes.io/router.entrypoints: websecure' or a Middleware with "
         "'redirectScheme: {scheme: https, permanent: true}'. ALB: "
         "'alb.ingress.kubernetes.io/ssl-redirect: \"443\"'. GKE: a FrontendConfig with "
         "'redirectToHttps: {enabled: true}' referenced by "
         "networking.gke.io/v1beta1.FrontendConfig.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s

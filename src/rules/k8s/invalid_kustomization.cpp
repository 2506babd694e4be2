#include "rules/rule.h"

namespace golive::rules::k8s {
namespace {

void check(RuleContext& context) {
  const auto& model = context.model();
  bool any = !model.kustomize_problems.empty();
  for (const auto& file : model.files) {
    if (file.kind == walk::FileKind::kKustomization) any = true;
  }
  if (!any) {
    context.not_applicable("no kustomization in the repository");
    return;
  }
  for (const auto& problem : model.kustomize_problems)
    context.report(problem.message, problem.path, problem.line);
}

}  // namespace

extern const Rule kInvalidKustomization;
const Rule kInvalidKustomization{
    {.id = "k8s/invalid-kustomization",
     .section = "k8s",
     .title = "Kustomizations build as written",
     .severity = Severity::kError,
     .seeds = "000 T004, 003 P4-01, 004 T045",
     .rationale =
         "A kustomization that lists a resource file that does not exist, a patch whose "
         "target is not in the build, or a base that refers back to itself fails 'kustomize "
         "build' and 'kubectl apply -k': the deploy of that environment stops, often only "
         "when it runs in the release pipeline. golive builds every kustomization natively "
         "and reports each problem at the line that causes it; the rest of the build goes "
         "on, so the other rules still see the environment.",
     .remediation = "Fix the path or target the message names, and run 'kustomize build "
                    "overlays/<env>' (or 'kubectl kustomize') for every overlay in CI so a broken "
                    "overlay fails the pull request.",
     .also = ""},
    check};

}  // namespace golive::rules::k8s

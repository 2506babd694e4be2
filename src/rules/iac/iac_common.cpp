#include "rules/iac/iac_common.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "core/strings.h"

namespace golive::rules::iac {
namespace {

enum class Verdict { kPass, kFail, kAbsent, kUnknown };

struct Outcome {
  Verdict verdict = Verdict::kAbsent;
  const parse::HclAttribute* attribute = nullptr;       // the attribute judged, when there is one
  const parse::HclExpression* default_value = nullptr;  // the variable default judged instead
};

// Where a resource is declared, to read what its var.NAME references come to.
struct Scope {
  const model::RepoModel& model;
  const model::TerraformModule& module;
  // A .tfvars.json file is not parsed, so it may set any variable.
  bool unparsed_tfvars = false;
};

bool has_unparsed_tfvars(const model::RepoModel& model) {
  return std::any_of(model.files.begin(), model.files.end(), [](const model::SourceFile& file) {
    return core::ends_with(file.path, ".tfvars.json");
  });
}

bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

std::optional<double> number_of(const parse::HclExpression& expression) {
  if (expression.kind != parse::HclExprKind::kNumber &&
      expression.kind != parse::HclExprKind::kString)
    return std::nullopt;
  std::string_view text = expression.value;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// What var.NAME comes to in a root module when nothing sets it: its literal default, unless a
// .tfvars file of the repository assigns the variable (then each environment has its own value).
// In a called module the caller passes the value, so nothing is known.
const parse::HclExpression* variable_default(const Scope& scope,
                                             const parse::HclExpression& expression) {
  constexpr std::string_view kPrefix = "var.";
  std::string_view text = expression.text;
  if (expression.kind != parse::HclExprKind::kReference || !text.starts_with(kPrefix) ||
      !scope.module.is_root() || scope.unparsed_tfvars)
    return nullptr;
  std::string_view name = text.substr(kPrefix.size());
  for (char c : name) {
    if (!is_ident_char(c)) return nullptr;  // var.settings.enabled, var.list[0]
  }
  for (const auto& variable : scope.module.variables) {
    if (variable.name != name) continue;
    const auto* fallback = variable.body.attribute("default");
    if (fallback == nullptr || !fallback->expression.is_literal() ||
        fallback->expression.kind == parse::HclExprKind::kNull)
      return nullptr;
    for (const auto& file : scope.model.terraform.files) {
      if (file.tfvars && file.body.attribute(name) != nullptr) return nullptr;
    }
    return &fallback->expression;
  }
  return nullptr;
}

Verdict judge(const parse::HclExpression& value, const Setting& setting) {
  if (value.kind == parse::HclExprKind::kNull) return Verdict::kAbsent;
  switch (setting.expect) {
    case Expect::kPresent:
      return Verdict::kPass;
    case Expect::kTrue:
      if (value.kind == parse::HclExprKind::kBool || value.kind == parse::HclExprKind::kString)
        return core::iequals(value.value, "true") ? Verdict::kPass : Verdict::kFail;
      return Verdict::kUnknown;
    case Expect::kAtLeast: {
      if (!value.is_literal()) return Verdict::kUnknown;
      auto number = number_of(value);
      if (!number) return Verdict::kFail;
      return *number >= setting.minimum ? Verdict::kPass : Verdict::kFail;
    }
    case Expect::kEquals:
      if (value.kind == parse::HclExprKind::kString)
        return core::iequals(value.value, setting.equals) ? Verdict::kPass : Verdict::kFail;
      return value.is_literal() ? Verdict::kFail : Verdict::kUnknown;
  }
  return Verdict::kUnknown;
}

bool has_dynamic(const parse::HclBody& body, std::string_view name) {
  for (const auto* block : body.blocks_of("dynamic")) {
    if (block->label(0) == name) return true;
  }
  return false;
}

Outcome judge_attribute(const Scope& scope, const parse::HclAttribute& attribute,
                        const Setting& setting) {
  if (const auto* fallback = variable_default(scope, attribute.expression))
    return {judge(*fallback, setting), &attribute, fallback};
  return {judge(attribute.expression, setting), &attribute};
}

Outcome evaluate(const Scope& scope, const parse::HclBody& body, const Setting& setting) {
  std::vector<std::string> parts = core::split(setting.path, '.');
  const parse::HclBody* current = &body;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& name = parts[i];
    bool last = i + 1 == parts.size();
    if (last) {
      if (const auto* attribute = current->attribute(name))
        return judge_attribute(scope, *attribute, setting);
      if (current->block(name) != nullptr)
        return {setting.expect == Expect::kPresent ? Verdict::kPass : Verdict::kUnknown};
    }
    if (!last) {
      if (const auto* block = current->block(name)) {
        current = &block->body;
        continue;
      }
      // Written as an attribute (name = { ... }) or computed: golive cannot tell.
      if (current->attribute(name) != nullptr) return {Verdict::kUnknown};
    }
    if (has_dynamic(*current, name)) return {Verdict::kUnknown};
    return {Verdict::kAbsent};
  }
  return {Verdict::kAbsent};
}

// The expression names the resource (aws_s3_bucket.logs.id), not a data source of that name.
bool names_resource(const parse::HclExpression& expression,
                    const model::TerraformResource& target) {
  std::string address = target.address();
  const std::string& text = expression.text;
  for (size_t at = text.find(address); at != std::string::npos;
       at = text.find(address, at + address.size())) {
    size_t end = at + address.size();
    bool starts = at == 0 || (!is_ident_char(text[at - 1]) && text[at - 1] != '.');
    bool ends = end == text.size() || !is_ident_char(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool targets(const model::TerraformResource& companion, std::string_view attribute_name,
             const model::TerraformResource& target) {
  const auto* attribute = companion.body.attribute(attribute_name);
  if (attribute == nullptr) return false;
  if (names_resource(attribute->expression, target)) return true;
  // Both name the same literal bucket: bucket = "acme-logs".
  const auto* same = target.body.attribute(attribute_name);
  return attribute->expression.kind == parse::HclExprKind::kString && same != nullptr &&
         same->expression.kind == parse::HclExprKind::kString &&
         same->expression.value == attribute->expression.value;
}

std::string describe(const Setting& setting) {
  std::string text(setting.path);
  switch (setting.expect) {
    case Expect::kPresent:
      break;
    case Expect::kTrue:
      text += " = true";
      break;
    case Expect::kAtLeast:
      text += " >= " + std::to_string(static_cast<long long>(setting.minimum));
      break;
    case Expect::kEquals:
      text += " = \"" + std::string(setting.equals) + "\"";
      break;
  }
  return text;
}

// "deletion_protection = false", or "deletion_protection = var.protect (its default, false; no
// .tfvars file sets it)".
std::string assignment(const Outcome& outcome) {
  std::string text =
      outcome.attribute->name + " = " + core::excerpt(outcome.attribute->expression.text, 60);
  if (outcome.default_value != nullptr)
    text += " (its default, " + core::excerpt(outcome.default_value->text, 40) +
            "; no .tfvars file sets it)";
  return text;
}

bool account_default_set(const model::RepoModel& model, std::string_view type) {
  for (const auto* resource : model.terraform.resources_of(type)) {
    const auto* enabled = resource->body.attribute("enabled");
    if (enabled == nullptr || enabled->expression.kind != parse::HclExprKind::kBool ||
        enabled->expression.value == "true")
      return true;
  }
  return false;
}

void check_one(RuleContext& context, const Scope& scope, const model::TerraformResource& resource,
               const ResourceRequirement& requirement) {
  if (!requirement.skip_if.empty() && resource.body.attribute(requirement.skip_if) != nullptr)
    return;
  if (!requirement.account_default.empty() &&
      account_default_set(context.model(), requirement.account_default))
    return;
  Outcome own;
  if (!requirement.setting.path.empty()) own = evaluate(scope, resource.body, requirement.setting);
  if (own.verdict == Verdict::kPass || own.verdict == Verdict::kUnknown) return;
  if (own.verdict == Verdict::kAbsent && requirement.absent_passes) return;

  const model::TerraformResource* failing_companion = nullptr;
  Outcome companion_outcome;
  if (!requirement.companion.empty()) {
    for (const auto& companion : scope.module.resources) {
      if (companion.type != requirement.companion ||
          !targets(companion, requirement.companion_target, resource))
        continue;
      Outcome outcome{Verdict::kPass};
      if (!requirement.companion_setting.path.empty())
        outcome = evaluate(scope, companion.body, requirement.companion_setting);
      if (outcome.verdict == Verdict::kPass || outcome.verdict == Verdict::kUnknown) return;
      failing_companion = &companion;
      companion_outcome = outcome;
    }
  }

  std::string address = resource.address();
  std::string problem(requirement.problem);
  if (own.verdict == Verdict::kFail && own.attribute != nullptr) {
    context.report(address + " sets " + assignment(own) + ": " + problem, resource.path,
                   own.attribute->line, own.attribute->column);
    return;
  }
  if (failing_companion != nullptr) {
    const auto* attribute = companion_outcome.attribute;
    std::string how = attribute != nullptr
                          ? "sets " + assignment(companion_outcome)
                          : "does not set " + describe(requirement.companion_setting);
    context.report(address + ": " + failing_companion->address() + " " + how + ": " + problem,
                   failing_companion->path,
                   attribute != nullptr ? attribute->line : failing_companion->line,
                   attribute != nullptr ? attribute->column : failing_companion->column);
    return;
  }
  std::string message;
  if (requirement.companion.empty()) {
    message = address + " does not set " + describe(requirement.setting);
  } else {
    std::string companion(requirement.companion);
    if (!requirement.companion_setting.path.empty() &&
        requirement.companion_setting.expect != Expect::kPresent) {
      companion += " with " + describe(requirement.companion_setting);
    }
    message = address + " has no " + companion + " targeting it";
    if (!requirement.setting.path.empty())
      message += " and does not set " + describe(requirement.setting);
  }
  context.report(message + ": " + problem, resource.path, resource.line, resource.column);
}

}  // namespace

bool require_terraform(RuleContext& context) {
  if (context.model().terraform.modules.empty()) {
    context.not_applicable("the repository has no Terraform configuration (.tf files)");
    return false;
  }
  return true;
}

void check_requirements(RuleContext& context, std::span<const ResourceRequirement> table,
                        std::string_view what) {
  if (!require_terraform(context)) return;
  bool any = false;
  const bool unparsed_tfvars = has_unparsed_tfvars(context.model());
  for (const auto& module : context.model().terraform.modules) {
    const Scope scope{context.model(), module, unparsed_tfvars};
    for (const auto& resource : module.resources) {
      for (const auto& requirement : table) {
        if (requirement.type != resource.type) continue;
        any = true;
        check_one(context, scope, resource, requirement);
      }
    }
  }
  if (!any) context.not_applicable("no " + std::string(what) + " in the Terraform configuration");
}

}  // namespace golive::rules::iac

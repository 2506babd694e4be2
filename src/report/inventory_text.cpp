#include <string>
#include <vector>

#include "core/strings.h"
#include "report/report.h"

namespace golive::report {
namespace {

// "  title: n" and then one indented line per item.
void list(std::string& out, std::string_view title, const std::vector<std::string>& items) {
  out += "  " + std::string(title) + ": " + std::to_string(items.size()) + "\n";
  for (const auto& item : items) out += "    " + item + "\n";
}

std::string joined_kinds(const std::map<std::string, size_t>& kinds) {
  std::vector<std::string> parts;
  parts.reserve(kinds.size());
  for (const auto& [kind, count] : kinds) parts.push_back(kind + " " + std::to_string(count));
  return core::join(parts, ", ");
}

}  // namespace

std::string render_inventory_text(const engine::Inventory& inventory) {
  std::string out = "inventory (what golive read; --format json has it as 'inventory'):\n";
  std::vector<std::string> items;
  for (const auto& p : inventory.ci)
    items.push_back(p.path + " (" + p.system + ", " + std::to_string(p.jobs) +
                    (p.jobs == 1 ? " job" : " jobs") + "; on " +
                    (p.triggers.empty() ? "-" : core::join(p.triggers, ", ")) + ")");
  list(out, "CI pipelines", items);
  items.clear();
  for (const auto& p : inventory.projects)
    items.push_back(p.ecosystem + " " + p.directory + " (" + p.manifest + ")");
  list(out, "projects", items);
  items.clear();
  for (const auto& d : inventory.dockerfiles)
    items.push_back(d.path + " (" + d.role + "; FROM " + (d.base.empty() ? "-" : d.base) +
                    "; USER " + (d.user.empty() ? "-" : d.user) + "; " +
                    (d.built_here ? "built here" : "nothing here builds it") + ")");
  list(out, "Dockerfiles", items);
  items.clear();
  for (const auto& c : inventory.compose)
    items.push_back(c.path + " (" + c.role + "): " + core::join(c.services, ", "));
  list(out, "compose files", items);
  items.clear();
  for (const auto& e : inventory.kubernetes)
    items.push_back(e.name + (e.production ? " (production)" : "") + ": " + joined_kinds(e.kinds));
  list(out, "Kubernetes environments", items);
  list(out, "Kustomize bases", inventory.kustomize_bases);
  items.clear();
  for (const auto& c : inventory.helm_charts)
    items.push_back(c.directory + " (" + c.name + "; values: " +
                    (c.values_files.empty() ? "-" : core::join(c.values_files, ", ")) + ")");
  list(out, "Helm charts", items);
  items.clear();
  for (const auto& m : inventory.terraform_modules)
    items.push_back(m.directory + " (" + std::to_string(m.files) + " files, " +
                    std::to_string(m.resources) + " resources; backend " +
                    (m.backends.empty() ? "local" : core::join(m.backends, ", ")) + ")");
  list(out, "Terraform modules", items);
  list(out, "Terraform environments", inventory.terraform_environments);
  items.clear();
  for (const auto& f : inventory.alert_rules)
    items.push_back(f.path + " (" + std::to_string(f.count) + ")");
  list(out, "files with alerting rules", items);
  items.clear();
  for (const auto& f : inventory.recording_rules)
    items.push_back(f.path + " (" + std::to_string(f.count) + ")");
  list(out, "files with recording rules", items);
  list(out, "dashboards", inventory.dashboards);
  list(out, "load tests", inventory.load_tests);
  out += "  documents: " + std::to_string(inventory.docs.size()) + " (--format json lists them)\n";
  std::vector<std::string> roles;
  for (const auto& [role, count] : inventory.files_by_role)
    roles.push_back(role + " " + std::to_string(count));
  out += "  files by role: " + core::join(roles, ", ") + "\n";
  return out;
}

}  // namespace golive::report

#include "model/env_reads.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <span>

#include "core/paths.h"
#include "core/strings.h"
#include "model/image_builds.h"
#include "model/model.h"

namespace golive::model {
namespace {

using core::base_name;
using core::ends_with;

constexpr size_t kMaxBytes = size_t{2} << 20;
constexpr size_t kMinifiedLine = 2000;

// ---- where code reads the environment ------------------------------------------------------

enum class Form {
  kMember,  // process.env.NAME
  kIndex,   // process.env["NAME"]
  kCall,    // os.getenv("NAME" [, default])
};

struct ReadPattern {
  std::string_view ecosystem;
  std::string_view token;
  Form form;
  bool bare;      // a bare function name: no '.' may come before it
  bool presence;  // the call reports absence itself (os.LookupEnv): a handled default
  std::string_view how;
};

constexpr std::array kReadPatterns = {
    ReadPattern{"node", "process.env.", Form::kMember, false, false, "process.env"},
    ReadPattern{"node", "process.env[", Form::kIndex, false, false, "process.env"},
    ReadPattern{"node", "import.meta.env.", Form::kMember, false, false, "import.meta.env"},
    ReadPattern{"node", "import.meta.env[", Form::kIndex, false, false, "import.meta.env"},
    ReadPattern{"node", "Deno.env.get(", Form::kCall, false, false, "Deno.env.get"},
    ReadPattern{"python", "os.environ[", Form::kIndex, false, false, "os.environ"},
    ReadPattern{"python", "os.environ.get(", Form::kCall, false, false, "os.environ.get"},
    ReadPattern{"python", "os.getenv(", Form::kCall, false, false, "os.getenv"},
    ReadPattern{"python", "environ[", Form::kIndex, true, false, "os.environ"},
    ReadPattern{"python", "environ.get(", Form::kCall, true, false, "os.environ.get"},
    ReadPattern{"python", "getenv(", Form::kCall, true, false, "os.getenv"},
    ReadPattern{"go", "os.Getenv(", Form::kCall, false, false, "os.Getenv"},
    ReadPattern{"go", "os.LookupEnv(", Form::kCall, false, true, "os.LookupEnv"},
    ReadPattern{"java", "System.getenv(", Form::kCall, false, false, "System.getenv"},
    ReadPattern{"java", "System.getenv().get(", Form::kCall, false, false, "System.getenv"},
    ReadPattern{"java", "System.getenv().getOrDefault(", Form::kCall, false, false,
                "System.getenv"},
    ReadPattern{"prisma", "env(", Form::kCall, true, false, "env() in the Prisma schema"},
};

// Operators that give a read a fallback when they follow it.
constexpr std::array<std::string_view, 5> kFallbacks = {"||", "??", "?:", "or ", "orElse("};

struct Extension {
  std::string_view suffix;
  std::string_view ecosystem;
};
constexpr std::array kExtensions = {
    Extension{".js", "node"},     Extension{".mjs", "node"},  Extension{".cjs", "node"},
    Extension{".jsx", "node"},    Extension{".ts", "node"},   Extension{".tsx", "node"},
    Extension{".mts", "node"},    Extension{".cts", "node"},  Extension{".vue", "node"},
    Extension{".svelte", "node"}, Extension{".py", "python"}, Extension{".go", "go"},
    Extension{".java", "java"},   Extension{".kt", "java"},   Extension{".prisma", "prisma"},
};

constexpr std::array<std::string_view, 30> kPlatformNames = {
    "PATH",   "HOME",       "USER",        "PWD",       "SHELL",       "HOSTNAME",
    "TERM",   "TZ",         "LANG",        "LC_ALL",    "TMPDIR",      "TEMP",
    "TMP",    "CI",         "NODE_ENV",    "DEBUG",     "MODE",        "DEV",
    "PROD",   "SSR",        "BASE_URL",    "JAVA_HOME", "GOPATH",      "GOOS",
    "GOARCH", "PYTHONPATH", "VIRTUAL_ENV", "EDITOR",    "USERPROFILE", "APPDATA"};
constexpr std::array<std::string_view, 7> kPlatformPrefixes = {
    "GITHUB_", "RUNNER_", "npm_", "KUBERNETES_", "GITLAB_", "BUILDKITE_", "VERCEL_"};

using core::is_identifier_char;

// Only the product's own code configures the service: tests, examples, vendored code and CI
// tooling read their own variables, and build tool configs (vite.config.ts) read build variables.
bool reads_service_config(const SourceFile& file) {
  std::string_view name = base_name(file.path);
  return file.role == walk::PathRole::kProduct && !walk::is_build_tool_config(name) &&
         !ends_with(name, ".d.ts") && name.find(".min.") == std::string_view::npos;
}

std::string_view ecosystem_of(std::string_view path) {
  for (const auto& extension : kExtensions) {
    if (ends_with(path, extension.suffix)) return extension.ecosystem;
  }
  return "";
}

bool is_spring_config(std::string_view path) {
  std::string_view name = base_name(path);
  if (name.rfind("application", 0) != 0 && name.rfind("bootstrap", 0) != 0) return false;
  return ends_with(name, ".properties") || ends_with(name, ".yml") || ends_with(name, ".yaml");
}

bool minified(std::string_view content) {
  size_t start = 0;
  for (int lines = 0; lines < 20 && start < content.size(); ++lines) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    if (end - start > kMinifiedLine) return true;
    start = end + 1;
  }
  return false;
}

bool comment_line(std::string_view trimmed) {
  return trimmed.rfind("//", 0) == 0 || trimmed.rfind('#', 0) == 0 || trimmed.rfind('*', 0) == 0 ||
         trimmed.rfind("/*", 0) == 0 || trimmed.rfind("--", 0) == 0;
}

size_t skip_spaces(std::string_view line, size_t at) {
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  return at;
}

// A quoted name at line[at]: returns the name and moves at past the closing quote.
std::string quoted_name(std::string_view line, size_t& at) {
  if (at >= line.size() || (line[at] != '"' && line[at] != '\'' && line[at] != '`')) return "";
  char quote = line[at];
  size_t end = line.find(quote, at + 1);
  if (end == std::string_view::npos) return "";
  std::string_view name = line.substr(at + 1, end - at - 1);
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return "";
  for (char c : name) {
    if (!is_identifier_char(c)) return "";
  }
  at = end + 1;
  return std::string(name);
}

bool followed_by_fallback(std::string_view line, size_t at) {
  at = skip_spaces(line, at);
  if (at < line.size() && line[at] == '.' && line.substr(at).rfind(".orElse", 0) == 0) return true;
  for (std::string_view fallback : kFallbacks) {
    if (line.substr(at).rfind(fallback, 0) == 0) return true;
  }
  return false;
}

void scan_code_line(std::string_view ecosystem, const std::vector<const ReadPattern*>& patterns,
                    std::string_view line, int line_number, const std::string& path,
                    std::vector<EnvRead>& reads) {
  for (const ReadPattern* entry : patterns) {
    const ReadPattern& pattern = *entry;
    size_t from = 0;
    while ((from = line.find(pattern.token, from)) != std::string_view::npos) {
      size_t start = from;
      from += pattern.token.size();
      if (start > 0 && (is_identifier_char(line[start - 1]) ||
                        (pattern.bare && (line[start - 1] == '.' || line[start - 1] == '$'))))
        continue;
      size_t at = from;
      std::string name;
      bool has_default = pattern.presence;
      if (pattern.form == Form::kMember) {
        while (at < line.size() && is_identifier_char(line[at])) ++at;
        name = std::string(line.substr(from, at - from));
        if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) continue;
      } else {
        at = skip_spaces(line, at);
        name = quoted_name(line, at);
        if (name.empty()) continue;
        at = skip_spaces(line, at);
        if (pattern.form == Form::kIndex) {
          if (at >= line.size() || line[at] != ']') continue;
          ++at;
        } else if (at < line.size() && line[at] == ',') {
          has_default = true;
        } else if (at < line.size() && line[at] == ')') {
          ++at;
        }
      }
      has_default = has_default || followed_by_fallback(line, at);
      std::string_view eco = ecosystem == "prisma" ? "node" : ecosystem;
      reads.push_back({name, path, line_number, static_cast<int>(start) + 1, std::string(eco),
                       std::string(pattern.how), has_default});
    }
  }
}

// ---- wrappers: functions of the file that read the variable their argument names -----------

// The first parameter of "def name(param, ...)" / "function name(param, ...)", or "".
std::string first_parameter(std::string_view line, size_t open) {
  size_t at = skip_spaces(line, open + 1);
  size_t end = at;
  while (end < line.size() && is_identifier_char(line[end])) ++end;
  return std::string(line.substr(at, end - at));
}

// Whether one of the lines reads the environment through the variable param.
bool reads_env_through(const std::vector<std::string_view>& lines, size_t from, size_t count,
                       std::string_view ecosystem, const std::string& param) {
  static constexpr std::array<std::string_view, 3> kPython = {"getenv(", "environ.get(",
                                                              "environ["};
  static constexpr std::array<std::string_view, 1> kNode = {"process.env["};
  std::span<const std::string_view> calls = ecosystem == "python"
                                                ? std::span<const std::string_view>(kPython)
                                                : std::span<const std::string_view>(kNode);
  for (size_t j = from; j < lines.size() && j < from + count; ++j) {
    std::string_view line = lines[j];
    for (std::string_view call : calls) {
      for (size_t at = line.find(call); at != std::string_view::npos;
           at = line.find(call, at + 1)) {
        size_t arg = skip_spaces(line, at + call.size());
        if (line.substr(arg, param.size()) == param &&
            (arg + param.size() >= line.size() || !is_identifier_char(line[arg + param.size()])))
          return true;
      }
    }
  }
  return false;
}

// Names of the file's functions that read the environment variable their first argument names
// (def envbool(s, default): v = os.getenv(s, default)), and of django-environ readers
// (env = environ.Env()): calls of them with a quoted name are reads of that variable.
std::vector<std::string> env_wrappers(const std::vector<std::string_view>& lines,
                                      std::string_view ecosystem) {
  std::vector<std::string> tokens;
  std::string_view keyword = ecosystem == "python" ? "def " : "function ";
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view trimmed = core::trim(lines[i]);
    if (ecosystem == "python") {
      size_t env = trimmed.find("Env(");
      size_t equals = trimmed.find('=');
      if (env != std::string_view::npos && equals != std::string_view::npos && equals < env &&
          (trimmed.find("environ.Env(") != std::string_view::npos ||
           trimmed.find(" Env(") != std::string_view::npos)) {
        std::string name(core::trim(trimmed.substr(0, equals)));
        if (!name.empty() && std::all_of(name.begin(), name.end(), is_identifier_char)) {
          tokens.push_back(name + "(");
          for (std::string_view cast : {"bool", "int", "float", "str", "list", "tuple", "dict",
                                        "json", "url", "db", "db_url", "cache", "path"})
            tokens.push_back(name + "." + std::string(cast) + "(");
        }
      }
    }
    if (!trimmed.starts_with(keyword)) continue;
    size_t open = trimmed.find('(');
    if (open == std::string_view::npos) continue;
    std::string name(core::trim(trimmed.substr(keyword.size(), open - keyword.size())));
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_identifier_char)) continue;
    std::string param = first_parameter(trimmed, open);
    if (param.empty() || param == "self") continue;
    if (reads_env_through(lines, i + 1, 15, ecosystem, param)) tokens.push_back(name + "(");
  }
  return tokens;
}

bool env_like(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  bool letter = false;
  for (char c : name) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      letter = true;
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return letter;
}

// ${NAME} and ${NAME:default} in Spring's application*.properties and application*.yml.
void scan_spring_line(std::string_view line, int line_number, const std::string& path,
                      std::vector<EnvRead>& reads) {
  size_t from = 0;
  while ((from = line.find("${", from)) != std::string_view::npos) {
    size_t start = from;
    from += 2;
    size_t end = from;
    while (end < line.size() && line[end] != '}' && line[end] != ':') ++end;
    if (end >= line.size()) break;
    std::string_view name = line.substr(from, end - from);
    if (!env_like(name)) continue;
    reads.push_back({std::string(name), path, line_number, static_cast<int>(start) + 1, "java",
                     "${" + std::string(name) + "} in " + std::string(base_name(path)),
                     line[end] == ':'});
  }
}

// A Go struct field read from the environment by its tag: `env:"DB_HOST"` (caarlos0/env, with
// envDefault:"..." as its default) and `envconfig:"DB_HOST"` (kelseyhightower/envconfig, with
// default:"..."). The tag's value is the variable.
void scan_go_env_tags(std::string_view line, int line_number, const std::string& path,
                      std::vector<EnvRead>& reads) {
  size_t open = line.find('`');
  if (open == std::string_view::npos) return;
  size_t close = line.find('`', open + 1);
  if (close == std::string_view::npos) return;
  std::string_view tag = line.substr(open + 1, close - open - 1);
  for (std::string_view key : {"env:\"", "envconfig:\""}) {
    for (size_t at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
      if (at > 0 && tag[at - 1] != ' ') continue;  // envDefault:"..." is not a name
      size_t from = at + key.size();
      size_t end = tag.find_first_of(",\"", from);
      if (end == std::string_view::npos) break;
      std::string_view name = tag.substr(from, end - from);
      if (!env_like(name)) continue;
      bool has_default = tag.find("envDefault:\"") != std::string_view::npos ||
                         tag.find(" default:\"") != std::string_view::npos ||
                         tag.starts_with("default:\"");
      std::string how = key == "env:\"" ? "env struct tag" : "envconfig struct tag";
      // env:"X,required" and required:"true" make the load fail when X is unset.
      if (tag.substr(from, tag.find('"', from) - from).find(",required") !=
              std::string_view::npos ||
          tag.find("required:\"true\"") != std::string_view::npos)
        how += " (required)";
      reads.push_back({std::string(name), path, line_number, static_cast<int>(open + 1 + from) + 1,
                       "go", how, has_default});
    }
  }
}

// Spring's @Value("${DB_HOST}") or @Value("${DB_HOST:default}") in Java or Kotlin code.
void scan_spring_value(std::string_view line, int line_number, const std::string& path,
                       std::vector<EnvRead>& reads) {
  size_t at = line.find("@Value(");
  if (at == std::string_view::npos) return;
  std::vector<EnvRead> found;
  scan_spring_line(line.substr(at), line_number, path, found);
  for (auto& read : found) {
    read.column += static_cast<int>(at);
    read.how = "@Value(\"${" + read.name + "}\")";
    reads.push_back(std::move(read));
  }
}

size_t indent_of(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
  return indent;
}

// Fields of a pydantic BaseSettings class: `database_url: str` reads DATABASE_URL (with the
// class's env_prefix when it sets one).
void scan_pydantic(const std::vector<std::string_view>& lines, const std::string& path,
                   std::vector<EnvRead>& reads) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view trimmed = core::trim(lines[i]);
    if (trimmed.rfind("class ", 0) != 0 || trimmed.find("BaseSettings") == std::string_view::npos)
      continue;
    size_t class_indent = indent_of(lines[i]);
    std::string prefix;
    std::vector<EnvRead> fields;
    size_t body_indent = 0;
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      std::string_view line = lines[j];
      std::string_view body = core::trim(line);
      if (body.empty() || body[0] == '#') continue;
      size_t indent = indent_of(line);
      if (indent <= class_indent) break;
      if (body_indent == 0) body_indent = indent;
      if (size_t at = body.find("env_prefix"); at != std::string_view::npos) {
        size_t quote = body.find_first_of("\"'", at);
        if (quote != std::string_view::npos) {
          size_t close = body.find(body[quote], quote + 1);
          if (close != std::string_view::npos)
            prefix = std::string(body.substr(quote + 1, close - quote - 1));
        }
      }
      if (indent != body_indent) continue;
      size_t colon = body.find(':');
      if (colon == std::string_view::npos || colon == 0) continue;
      std::string_view field = body.substr(0, colon);
      if (field[0] == '_' || field == "model_config" ||
          !std::all_of(field.begin(), field.end(), is_identifier_char))
        continue;
      bool has_default = body.find('=', colon) != std::string_view::npos;
      fields.push_back({std::string(field), path, static_cast<int>(j) + 1,
                        static_cast<int>(indent) + 1, "python", "pydantic BaseSettings field",
                        has_default});
    }
    for (auto& field : fields) {
      std::string name = prefix + field.name;
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      field.name = name;
      reads.push_back(std::move(field));
    }
    i = j - 1;
  }
}

// ---- secrets managers ----------------------------------------------------------------------

struct SecretSourceToken {
  std::string_view token;
  std::string_view kind;
};
constexpr std::array kSecretSourceTokens = {
    SecretSourceToken{"kind: ExternalSecret", "ExternalSecret"},
    SecretSourceToken{"kind: ClusterExternalSecret", "ExternalSecret"},
    SecretSourceToken{"kind: SealedSecret", "SealedSecret"},
    SecretSourceToken{"kind: SecretProviderClass", "SecretProviderClass"},
    SecretSourceToken{"vault.hashicorp.com/agent-inject", "Vault agent injector"},
    SecretSourceToken{"kind: VaultStaticSecret", "Vault Secrets Operator"},
    SecretSourceToken{"kind: VaultDynamicSecret", "Vault Secrets Operator"},
    SecretSourceToken{"kind: OnePasswordItem", "1Password operator"},
    SecretSourceToken{"kind: InfisicalSecret", "Infisical operator"},
    SecretSourceToken{"kind: DopplerSecret", "Doppler operator"},
    SecretSourceToken{"kind: ksops", "SOPS (ksops)"},
};

bool is_yaml_like(const SourceFile& file) {
  return walk::is_yaml_kind(file.kind) || file.kind == walk::FileKind::kHelmTemplate ||
         ends_with(file.path, ".yaml") || ends_with(file.path, ".yml");
}

void scan_secret_sources(const SourceFile& file, const std::vector<std::string_view>& lines,
                         EnvFacts& facts) {
  if (base_name(file.path) == ".sops.yaml") {
    facts.secret_sources.push_back({"SOPS", file.path, 1});
    return;
  }
  bool yaml = is_yaml_like(file);
  bool json = ends_with(file.path, ".json");
  bool env = file.kind == walk::FileKind::kEnvFile || file.kind == walk::FileKind::kEnvTemplate;
  if (!yaml && !json && !env) return;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int number = static_cast<int>(i) + 1;
    if ((yaml && line.rfind("sops:", 0) == 0) ||
        (json && core::trim(line).rfind("\"sops\":", 0) == 0 && indent_of(line) <= 4) ||
        (env && line.rfind("sops_version=", 0) == 0)) {
      facts.secret_sources.push_back({"SOPS", file.path, number});
      return;
    }
    if (!yaml) continue;
    for (const auto& token : kSecretSourceTokens) {
      if (line.find(token.token) != std::string_view::npos)
        facts.secret_sources.push_back({std::string(token.kind), file.path, number});
    }
  }
}

// ---- names deploy config mentions ----------------------------------------------------------

bool references_config(const SourceFile& file) {
  std::string_view name = base_name(file.path);
  return is_yaml_like(file) || file.kind == walk::FileKind::kDockerfile ||
         file.kind == walk::FileKind::kTerraform || ends_with(name, ".sh") ||
         ends_with(name, ".tpl") || name == "Makefile" || ends_with(name, ".mk") ||
         name == "Procfile" || name == "justfile" || name == "Justfile";
}

void scan_references(std::string_view content, EnvFacts& facts) {
  size_t from = 0;
  while ((from = content.find('$', from)) != std::string_view::npos) {
    ++from;
    size_t at = from;
    if (at < content.size() && (content[at] == '{' || content[at] == '(')) ++at;
    size_t end = at;
    while (end < content.size() && is_identifier_char(content[end])) ++end;
    std::string_view name = content.substr(at, end - at);
    if (env_like(name)) facts.config_references.emplace(name);
    from = end;
  }
  // Kubernetes and compose list forms: "- name: API_TOKEN" and "API_TOKEN: ..." are read by the
  // rule from the model; Helm templates are not rendered, so their env names are taken here.
}

void scan_helm_template_names(const std::string& path, const std::vector<std::string_view>& lines,
                              EnvFacts& facts) {
  for (std::string_view line : lines) {
    std::string_view trimmed = core::trim(line);
    if (trimmed.rfind("envFrom:", 0) == 0) facts.helm_template_env.emplace_back(path, "*");
    if (trimmed.rfind("- name:", 0) != 0) continue;
    std::string_view name = core::trim(trimmed.substr(7));
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'')) {
      name = name.substr(1, name.size() - 2);
    }
    if (env_like(name)) {
      facts.config_references.emplace(name);
      facts.helm_template_env.emplace_back(path, name);
    }
  }
}

}  // namespace

void EnvFacts::merge(EnvFacts& part) {
  reads.insert(reads.end(), std::make_move_iterator(part.reads.begin()),
               std::make_move_iterator(part.reads.end()));
  commented_template_names.insert(commented_template_names.end(),
                                  part.commented_template_names.begin(),
                                  part.commented_template_names.end());
  config_references.merge(part.config_references);
  secret_sources.insert(secret_sources.end(), part.secret_sources.begin(),
                        part.secret_sources.end());
  helm_template_env.insert(helm_template_env.end(), part.helm_template_env.begin(),
                           part.helm_template_env.end());
}

bool is_platform_variable(std::string_view name) {
  for (std::string_view platform : kPlatformNames) {
    if (name == platform) return true;
  }
  for (std::string_view prefix : kPlatformPrefixes) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

void learn_env_reads(const SourceFile& file, const FileText& text, RepoModel& model) {
  std::string_view content = text.content();
  if (content.size() > kMaxBytes) return;
  EnvFacts& facts = model.env;
  std::string_view ecosystem = ecosystem_of(file.path);
  bool spring = is_spring_config(file.path);
  bool code = (!ecosystem.empty() || spring) && reads_service_config(file);
  bool config = references_config(file);
  bool env_template = file.kind == walk::FileKind::kEnvTemplate;
  if (!code && !config && !env_template && base_name(file.path) != ".sops.yaml" &&
      !ends_with(file.path, ".json") && file.kind != walk::FileKind::kEnvFile)
    return;
  if (minified(content)) return;
  const std::vector<std::string_view>& lines = text.lines();
  // The read patterns of the file's ecosystem whose token occurs in it: most files have none.
  std::vector<const ReadPattern*> patterns;
  for (const auto& pattern : kReadPatterns) {
    if (pattern.ecosystem == ecosystem && content.find(pattern.token) != std::string_view::npos)
      patterns.push_back(&pattern);
  }
  // Wrappers the file defines, as patterns of their own; the strings outlive the patterns.
  std::vector<std::string> wrapper_tokens;
  std::vector<ReadPattern> wrapper_patterns;
  if (code && (ecosystem == "python" || ecosystem == "node") && !patterns.empty()) {
    wrapper_tokens = env_wrappers(lines, ecosystem);
    wrapper_patterns.reserve(wrapper_tokens.size());
    for (const auto& token : wrapper_tokens)
      wrapper_patterns.push_back({ecosystem, token, Form::kCall, true, false, "a wrapper"});
    for (const auto& pattern : wrapper_patterns) patterns.push_back(&pattern);
  }
  // Struct tags (Go) and @Value annotations (Java, Kotlin) read variables without a call.
  bool tags = (ecosystem == "go" && (content.find("env:\"") != std::string_view::npos ||
                                     content.find("envconfig:\"") != std::string_view::npos)) ||
              (ecosystem == "java" && content.find("@Value(") != std::string_view::npos);
  if (code && (spring || tags || !patterns.empty())) {
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view trimmed = core::trim(lines[i]);
      if (trimmed.empty()) continue;
      int number = static_cast<int>(i) + 1;
      if (spring) {
        if (trimmed[0] != '#' && trimmed[0] != '!')
          scan_spring_line(lines[i], number, file.path, facts.reads);
      } else if (!comment_line(trimmed) || (ecosystem == "python" && trimmed[0] == '*')) {
        scan_code_line(ecosystem, patterns, lines[i], number, file.path, facts.reads);
        if (ecosystem == "go") scan_go_env_tags(lines[i], number, file.path, facts.reads);
        if (ecosystem == "java") scan_spring_value(lines[i], number, file.path, facts.reads);
      }
    }
  }
  if (code && ecosystem == "python" && content.find("BaseSettings") != std::string_view::npos)
    scan_pydantic(lines, file.path, facts.reads);
  if (env_template) {
    for (std::string_view line : lines) {
      std::string_view trimmed = core::trim(line);
      if (trimmed.empty() || trimmed[0] != '#') continue;
      trimmed = core::trim(trimmed.substr(1));
      if (trimmed.rfind("export ", 0) == 0) trimmed = core::trim(trimmed.substr(7));
      size_t equals = trimmed.find('=');
      if (equals == std::string_view::npos) continue;
      std::string_view name = trimmed.substr(0, equals);
      if (env_like(name)) facts.commented_template_names.emplace_back(file.path, name);
    }
  }
  if (config) {
    scan_references(content, facts);
    if (file.kind == walk::FileKind::kHelmTemplate)
      scan_helm_template_names(file.path, lines, facts);
  }
  scan_secret_sources(file, lines, facts);
}

// ---- rule-time: deploy targets -------------------------------------------------------------

bool env_path_within(std::string_view path, std::string_view directory) {
  if (directory.empty() || directory == ".") return true;
  return path.size() > directory.size() && path.substr(0, directory.size()) == directory &&
         path[directory.size()] == '/';
}

namespace {

void add_dockerfile_env(const RepoModel& model, const std::string& dockerfile_path,
                        EnvTarget& target) {
  for (const auto& dockerfile : model.dockerfiles) {
    if (dockerfile.path != dockerfile_path) continue;
    for (const auto& instruction : dockerfile.parsed.instructions) {
      if (instruction.keyword != "ENV") continue;
      std::string_view args = core::trim(instruction.arguments);
      size_t space = args.find_first_of(" \t");
      size_t equals = args.find('=');
      if (equals == std::string_view::npos || (space != std::string_view::npos && space < equals)) {
        target.provides.emplace(args.substr(0, space));  // ENV KEY value
        continue;
      }
      for (const auto& word : core::split(args, ' ')) {
        size_t eq = word.find('=');
        if (eq != std::string::npos && eq > 0) target.provides.insert(word.substr(0, eq));
      }
    }
  }
}

void add_env_file(const RepoModel& model, const std::string& path, EnvTarget& target) {
  for (const auto& env : model.env_files) {
    if (env.path != path) continue;
    for (const auto& entry : env.parsed.entries) target.provides.insert(entry.name);
    return;
  }
  target.provides_everything = true;  // a gitignored .env: its content is unknown
}

void add_keys(const parse::Node& object, EnvTarget& target) {
  for (std::string_view field : {"data", "stringData", "binaryData"}) {
    const parse::Node* values = object.find(field);
    if (values == nullptr || !values->is_map()) continue;
    for (const auto& entry : values->children) target.provides.insert(entry.key);
  }
}

const RenderedObject* find_object(const K8sEnvironment& environment, std::string_view kind,
                                  std::string_view name) {
  for (const auto& object : environment.objects) {
    if (object.kind == kind && object.name == name) return &object;
  }
  return nullptr;
}

void add_k8s_targets(const RepoModel& model, std::vector<EnvTarget>& targets) {
  for (const auto& environment : model.k8s_environments) {
    for (const auto& object : environment.objects) {
      if (!is_workload_kind(object.kind)) continue;
      const parse::Node* pod = pod_spec_of(object);
      if (pod == nullptr) continue;
      bool vault = false;
      if (const parse::Node* metadata = pod_metadata_of(object)) {
        if (const parse::Node* annotations = metadata->find("annotations");
            annotations != nullptr && annotations->is_map()) {
          for (const auto& entry : annotations->children)
            vault = vault || entry.key.rfind("vault.hashicorp.com/agent-inject", 0) == 0;
        }
      }
      for (const auto& container : containers_of(*pod)) {
        if (container.init || container.node == nullptr) continue;
        auto directory = code_directory_for(model, container.node->get("image"));
        if (!directory) continue;
        EnvTarget target;
        target.label = "container '" + container.name + "' of " + object.label();
        // Plain manifests are the catch-all environment, whose name says nothing.
        if (environment.name != kPlainManifests)
          target.label += " in the Kubernetes environment '" + environment.name + "'";
        SourceLine where = object.where(*container.node);
        target.path = where.path;
        target.line = where.line;
        target.code_directory = *directory;
        target.provides_everything = vault;
        if (const parse::Node* env = container.node->find("env"); env != nullptr && env->is_seq()) {
          for (const auto& entry : env->children) {
            if (entry.is_map() && !entry.get("name").empty())
              target.provides.insert(entry.get("name"));
          }
        }
        if (const parse::Node* from = container.node->find("envFrom");
            from != nullptr && from->is_seq()) {
          for (const auto& source : from->children) {
            for (auto [ref, kind] :
                 {std::pair{"configMapRef", "ConfigMap"}, std::pair{"secretRef", "Secret"}}) {
              const parse::Node* reference = source.find(ref);
              if (reference == nullptr) continue;
              const RenderedObject* found = find_object(environment, kind, reference->get("name"));
              if (found == nullptr) {
                target.provides_everything = true;
              } else {
                std::string prefix = source.get("prefix");
                EnvTarget keys;
                add_keys(found->node, keys);
                for (const auto& key : keys.provides) target.provides.insert(prefix + key);
              }
            }
          }
        }
        add_dockerfile_env(model, dockerfile_in(*directory), target);
        targets.push_back(std::move(target));
      }
    }
  }
}

const YamlDocumentSet* yaml_at(const RepoModel& model, std::string_view path) {
  for (const auto& set : model.yaml_files) {
    if (set.path == path) return &set;
  }
  return nullptr;
}

// env: as a map (NAME: value) or a list (- name: NAME), at the top of values or one level down.
void add_values_env(const parse::Node& node, int depth, EnvTarget& target) {
  if (!node.is_map()) return;
  for (const auto& entry : node.children) {
    if (entry.key == "env" || entry.key == "extraEnv" || entry.key == "environment") {
      if (entry.is_map()) {
        for (const auto& variable : entry.children) target.provides.insert(variable.key);
      } else if (entry.is_seq()) {
        for (const auto& variable : entry.children)
          if (variable.is_map()) target.provides.insert(variable.get("name"));
      }
    } else if ((entry.key == "envFrom" || entry.key == "extraEnvFrom") && !entry.children.empty()) {
      target.provides_everything = true;
    } else if (depth == 0) {
      add_values_env(entry, depth + 1, target);
    }
  }
}

void add_helm_targets(const RepoModel& model, std::vector<EnvTarget>& targets) {
  for (const auto& chart : model.helm_charts) {
    std::optional<std::string> directory = code_directory_for(model, chart.name);
    std::vector<const parse::Node*> documents;
    for (const auto& values : chart.values_files) {
      const YamlDocumentSet* set = yaml_at(model, values);
      if (set == nullptr || set->documents.empty()) continue;
      documents.push_back(&set->documents.front());
      if (!directory) {
        if (const parse::Node* image = set->documents.front().find("image");
            image != nullptr && image->is_map())
          directory = code_directory_for(model, image->get("repository"));
      }
    }
    if (!directory) continue;
    EnvTarget target;
    target.label = "Helm chart '" + chart.name + "'";
    target.path = chart.directory.empty() ? "Chart.yaml" : chart.directory + "/Chart.yaml";
    target.line = 1;
    target.code_directory = *directory;
    for (const auto* document : documents) add_values_env(*document, 0, target);
    // Templates are not rendered: every env name a template of the chart writes counts, and a
    // template with envFrom provides everything.
    for (const auto& [path, name] : model.env.helm_template_env) {
      if (!env_path_within(path, chart.directory)) continue;
      if (name == "*") {
        target.provides_everything = true;
      } else {
        target.provides.insert(name);
      }
    }
    add_dockerfile_env(model, dockerfile_in(*directory), target);
    targets.push_back(std::move(target));
  }
}

}  // namespace

std::vector<EnvTarget> find_env_targets(const RepoModel& model) {
  std::vector<EnvTarget> targets;
  for (const auto& compose : model.compose_files) {
    std::string compose_dir = std::string(core::directory_name(compose.path));
    for (const auto& service : compose.services) {
      if (!service.builds) continue;
      EnvTarget target;
      target.label = "compose service '" + service.name + "' (" + compose.path + ")";
      target.path = compose.path;
      target.line = service.line;
      target.code_directory = core::join_path(compose_dir, service.build_context);
      for (const auto& variable : service.environment) target.provides.insert(variable.name);
      for (const auto& env_file : service.env_files)
        add_env_file(model, core::join_path(compose_dir, env_file), target);
      std::string dockerfile =
          service.build_dockerfile.empty()
              ? dockerfile_in(target.code_directory)
              : core::join_path(target.code_directory, service.build_dockerfile);
      add_dockerfile_env(model, dockerfile, target);
      targets.push_back(std::move(target));
    }
  }
  add_k8s_targets(model, targets);
  add_helm_targets(model, targets);
  return targets;
}

bool fails_when_unset(const EnvRead& read) {
  if (read.has_default) return false;
  return read.how == "os.environ" || read.how == "pydantic BaseSettings field" ||
         read.how == "env() in the Prisma schema" || read.how.starts_with("${") ||
         read.how.starts_with("@Value(") || read.how.ends_with("(required)");
}

}  // namespace golive::model

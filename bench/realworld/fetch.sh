#!/usr/bin/env bash
# Extracts every repository pinned in REPOS.md into corpus/<owner>+<name>/ at its pinned commit.
#
# The trees come from local bare git mirrors, one per repository, at
#   $MIRROR_ROOT/<owner>+<name>/repo      (MIRROR_ROOT defaults to /work/.mirror)
# The network is not otherwise reachable from this machine: a missing mirror has to be brought
# onto the machine first with the session's `fetch` tool (github:<owner>/<name>), which writes
# exactly that directory. Nothing under corpus/ is ever committed (see .gitignore).
#
# Usage: bench/realworld/fetch.sh [--force] [owner/name ...]
#   --force      re-extract repositories that are already in corpus/
#   owner/name   extract only these (default: every row of REPOS.md)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MIRROR_ROOT="${MIRROR_ROOT:-/work/.mirror}"
CORPUS="${CORPUS:-$HERE/corpus}"
FORCE=0
ONLY=()
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    */*) ONLY+=("$arg") ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# Rows of the table in REPOS.md: | n | owner/name | 40-hex commit | stack | why |
mapfile -t ROWS < <(awk -F'|' '
  NF >= 5 {
    repo = $3; commit = $4
    gsub(/[ `]/, "", repo); gsub(/[ `]/, "", commit)
    if (repo ~ /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/ && commit ~ /^[0-9a-f]+$/ && length(commit) == 40) print repo, commit
  }' "$HERE/REPOS.md")
if [ "${#ROWS[@]}" -eq 0 ]; then
  echo "no pinned repositories found in $HERE/REPOS.md" >&2
  exit 2
fi

mkdir -p "$CORPUS"
ok=0; skipped=0; missing=()
for row in "${ROWS[@]}"; do
  repo="${row%% *}"; commit="${row##* }"
  if [ "${#ONLY[@]}" -gt 0 ] && [[ ! " ${ONLY[*]} " == *" $repo "* ]]; then continue; fi
  key="${repo/\//+}"
  git_dir="$MIRROR_ROOT/$key/repo"
  dest="$CORPUS/$key"
  if [ ! -d "$git_dir" ]; then
    echo "MISSING  $repo: no mirror at $git_dir" >&2
    echo "         fetch it first with the session's fetch tool: fetch github:$repo" >&2
    echo "         (this machine has no other network access; the tool writes $MIRROR_ROOT/$key/repo)" >&2
    missing+=("$repo"); continue
  fi
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "MISSING  $repo: the mirror at $git_dir does not contain commit $commit" >&2
    echo "         (mirror HEAD is $(git --git-dir="$git_dir" rev-parse HEAD 2>/dev/null || echo '?'))." >&2
    echo "         Re-fetch with the session's fetch tool (fetch github:$repo); if the snapshot has" >&2
    echo "         moved past the pin and no longer holds it, re-pin the row in REPOS.md and re-judge." >&2
    missing+=("$repo"); continue
  fi
  marker="$CORPUS/$key.commit"
  if [ -d "$dest" ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$commit" ] && [ "$FORCE" -eq 0 ]; then
    skipped=$((skipped + 1)); continue
  fi
  rm -rf "$dest" "$marker" "$CORPUS/$key.absent"
  mkdir -p "$dest"
  # Not `git archive`: it drops paths marked export-ignore in the repository's own .gitattributes
  # (getsentry/self-hosted hides .github/ that way) and expands export-subst, and it stops at the
  # first absent blob (snapshots from the fetch tool lack files of 4 MiB and more, and Git LFS
  # content). Extract the commit's tree blob by blob instead and list absent files beside the tree.
  python3 - "$git_dir" "$commit" "$dest" "$CORPUS/$key.absent" <<'PY'
import os, subprocess, sys, threading
git_dir, commit, dest, absent_path = sys.argv[1:5]
tree = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "--full-tree", commit],
                      check=True, capture_output=True).stdout.split(b"\0")
entries = []
for item in tree:
    if not item:
        continue
    meta, path = item.split(b"\t", 1)
    mode, kind, sha = meta.split()
    if kind == b"blob":
        entries.append((mode.decode(), sha.decode(), path.decode("utf-8", "surrogateescape")))
cat = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def ask():
    cat.stdin.write("".join(sha + "\n" for _, sha, _ in entries).encode())
    cat.stdin.close()


threading.Thread(target=ask, daemon=True).start()
absent = []
for mode, sha, path in entries:
    header = cat.stdout.readline().split()
    if len(header) < 3 or header[1] == b"missing":
        absent.append(path); continue
    data = cat.stdout.read(int(header[2])); cat.stdout.read(1)
    target = os.path.join(dest, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if mode == "120000":
        os.symlink(os.fsdecode(data), target)
    else:
        with open(target, "wb") as out:
            out.write(data)
        if mode == "100755":
            os.chmod(target, 0o755)
cat.wait()
with open(absent_path, "w") as out:
    out.write("".join(p + "\n" for p in absent))
if absent:
    print(f"         {len(absent)} file(s) absent from the snapshot (listed in {os.path.basename(absent_path)})")
PY
  # The marker sits beside the tree, not in it, so the scanned tree is exactly the commit's tree.
  echo "$commit" > "$marker"
  echo "extracted $repo @ ${commit:0:12} -> ${dest#"$HERE"/}"
  ok=$((ok + 1))
done

echo "done: $ok extracted, $skipped already present, ${#missing[@]} missing"
if [ "${#missing[@]}" -gt 0 ]; then
  echo "missing: ${missing[*]}" >&2
  exit 1
fi

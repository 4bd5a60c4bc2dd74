#!/usr/bin/env bash
# The tree stays clang-formatted (.clang-format): lists every C/C++ file clang-format would change, and fails on any.
# Skipped (77) without clang-format or outside a git checkout (a source tarball has no file list to trust).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v clang-format >/dev/null || { echo "clang-format is not installed: skipped"; exit 77; }
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "not a git checkout: skipped"; exit 77; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.c' '*.h')
[ ${#files[@]} -gt 0 ] || { echo "no C/C++ files found"; exit 1; }
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not clang-formatted (run: clang-format -i FILE): %s\n' "${bad[@]}"
  exit 1
fi
echo "${#files[@]} files clang-formatted"

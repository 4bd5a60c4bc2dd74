#!/usr/bin/env bash
# Runs a live lab test when we may create network namespaces; otherwise exits 77, which ctest reports as skipped
# (never as passed).
if [ "$(id -u)" -ne 0 ]; then
    echo "skipped: live lab tests need root (network namespaces)"
    exit 77
fi
exec "$@"

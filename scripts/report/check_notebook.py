"""Validate a notebook netan wrote against nbformat's schema.

Usage: python3 scripts/report/check_notebook.py PATH/analysis.ipynb
Exit 0 valid, 1 invalid, 3 when the nbformat package is absent (callers may skip then).
"""
import sys

try:
    import nbformat
except ImportError as error:  # pragma: no cover
    print(f"skipped: {error}")
    sys.exit(3)

notebook = nbformat.read(sys.argv[1], as_version=4)
try:
    nbformat.validate(notebook)
except nbformat.ValidationError as error:
    print(f"invalid: {error}")
    sys.exit(1)
print(f"valid: {len(notebook.cells)} cells")

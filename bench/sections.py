"""One section of bench/RESULTS.md per benchmark script, between its own markers."""
import os
import re

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")


def replace_section(marker, heading, script, text):
    """Puts `text` between `<!-- marker:begin -->` and `<!-- marker:end -->` in RESULTS.md,
    appending the section under `heading` the first time; prints the text."""
    content = open(RESULTS, encoding="utf-8").read()
    block = f"<!-- {marker}:begin (written by {script}) -->\n{text}<!-- {marker}:end -->"
    pattern = rf"<!-- {marker}:begin.*?<!-- {marker}:end -->"
    if re.search(pattern, content, flags=re.S):
        content = re.sub(pattern, lambda _: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
    open(RESULTS, "w", encoding="utf-8").write(content)
    print(text)

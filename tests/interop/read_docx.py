"""Read .docx files with python-docx, as another program would, and print one JSON line per file:
the paragraph texts and the comments (author and text). Used by tests/annotate.rs to check that
gwlint's annotated copies open outside gwlint. usage: python3 read_docx.py FILE..."""
import json
import sys

import docx  # python-docx 1.2 (reads comments)

for path in sys.argv[1:]:
    d = docx.Document(path)
    comments = [{"author": c.author, "text": c.text} for c in d.comments]
    print(json.dumps({"file": path, "paragraphs": [p.text for p in d.paragraphs], "comments": comments}, ensure_ascii=False))

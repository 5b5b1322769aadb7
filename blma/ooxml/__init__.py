"""Raw WordprocessingML: the only package of the tool that reads or builds XML.

python-docx gives paragraphs, runs, tables and styles; what it has no API for lives here,
one module per kind of element, named after the OOXML standard (ECMA-376 Part 1, §17):

- :mod:`~blma.ooxml.ns`: the namespaces, ``w:`` names and the element type, spelt once;
- :mod:`~blma.ooxml.parts`: parsing a package part safely, its depth, typed attribute values;
- :mod:`~blma.ooxml.package`: copying a package with some parts replaced;
- :mod:`~blma.ooxml.tree`: where an element sits (deleted, in a text box, at body level);
- :mod:`~blma.ooxml.text`: paragraphs as Word shows them (tracked changes accepted, text
  boxes, footnotes, content controls) in reading order;
- :mod:`~blma.ooxml.numbering`: the list labels Word computes, and lists that restart;
- :mod:`~blma.ooxml.runs`: runs and their raw text (tabs, breaks);
- :mod:`~blma.ooxml.revisions`: tracked insertions and deletions (``w:ins``, ``w:del``);
- :mod:`~blma.ooxml.comments`: comments anchored on a paragraph, a sentence or a deletion;
- :mod:`~blma.ooxml.tables`: table rows and nesting, header rows, cell shading;
- :mod:`~blma.ooxml.styles` and :mod:`~blma.ooxml.fields`: fonts, style properties, fields.

Readers, writers and the redline hand elements in and get elements or text back; they never
spell a tag themselves.
"""

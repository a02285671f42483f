#ifndef NETAN_XML_H
#define NETAN_XML_H
// netan's reader over libxml2's xmlTextReader. libxml2's own headers stay inside
// netan_xml.c: they pull in the system's ICU headers, which clash with the ICU that Foundation
// brings on Linux when both meet in one Swift module.
#include <stddef.h>

typedef struct netan_xml_reader netan_xml_reader;

/// A reader over `size` bytes that must stay valid until `netan_xml_close`: no network access,
/// no DTD loaded, entities not substituted, libxml2's size limits lifted (XML_PARSE_HUGE; netan
/// refuses any file that declares a DTD before parsing, because that option also lifts the
/// guard against entity expansion) and line numbers above 65,535 kept. NULL when libxml2
/// cannot start.
netan_xml_reader *netan_xml_open(const char *bytes, int size);
void netan_xml_close(netan_xml_reader *reader);

/// Moves to the next node: its libxml2 reader type (1 element, 3 text, 4 CDATA, 5 entity
/// reference, 10 document type, 13/14 whitespace, 15 end of element, ...), 0 at the end of the
/// document, -1 on an error (see `netan_xml_error`). Any error libxml2 reports, even one it
/// recovers from, ends the reading.
int netan_xml_next(netan_xml_reader *reader);
/// The current node's qualified name (`x:row`), its local name (`row`), or its text for text
/// nodes ("" when none); valid until the next call on the reader.
const char *netan_xml_name(netan_xml_reader *reader);
const char *netan_xml_local_name(netan_xml_reader *reader);
const char *netan_xml_value(netan_xml_reader *reader);
/// Whether the current element is written `<a/>` (no end-of-element node follows).
int netan_xml_is_empty(netan_xml_reader *reader);
/// Moves to the current element's next attribute (1) or reports there is none (0); then
/// `netan_xml_name` and `netan_xml_value` give the attribute.
int netan_xml_next_attribute(netan_xml_reader *reader);
/// The current element's line (where its start tag is).
int netan_xml_line(netan_xml_reader *reader);
/// The first error's line and message ("" when there was none).
int netan_xml_error_line(netan_xml_reader *reader);
const char *netan_xml_error_message(netan_xml_reader *reader);

/// Whether `needle` occurs in the `size` bytes at `bytes` (memmem).
int netan_xml_contains(const char *bytes, size_t size, const char *needle);
#endif

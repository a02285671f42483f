#ifndef NETAN_CLIBXML2_SHIM_H
#define NETAN_CLIBXML2_SHIM_H
// libxml2 as a system library: this target exists for its pkg-config flags and link line,
// which SwiftPM passes to CXMLReader. Swift does not import it (libxml2's headers include the
// system ICU headers, which clash with Foundation's own ICU on Linux).
#include <libxml/xmlreader.h>
#endif

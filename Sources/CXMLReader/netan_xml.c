#define _GNU_SOURCE
#include "netan_xml.h"
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

struct netan_xml_reader {
    xmlTextReaderPtr reader;
    int errors;
    int error_line;
    char message[400];
};

// The error callback's pointer type became const in libxml2 2.12.
#if LIBXML_VERSION >= 21200
static void netan_xml_record(void *context, const xmlError *error) {
#else
static void netan_xml_record(void *context, xmlErrorPtr error) {
#endif
    struct netan_xml_reader *r = (struct netan_xml_reader *)context;
    if (error == NULL || r == NULL || error->level == XML_ERR_WARNING) return;
    if (r->errors++ > 0) return;
    r->error_line = error->line;
    strncpy(r->message, error->message != NULL ? error->message : "unknown error", sizeof(r->message) - 1);
    r->message[sizeof(r->message) - 1] = 0;
}

netan_xml_reader *netan_xml_open(const char *bytes, int size) {
    struct netan_xml_reader *r = calloc(1, sizeof(struct netan_xml_reader));
    if (r == NULL) return NULL;
    r->reader = xmlReaderForMemory(bytes, size, NULL, NULL,
                                   XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_BIG_LINES);
    if (r->reader == NULL) {
        free(r);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r->reader, netan_xml_record, r);
    return r;
}

void netan_xml_close(netan_xml_reader *r) {
    if (r == NULL) return;
    xmlFreeTextReader(r->reader);
    free(r);
}

int netan_xml_next(netan_xml_reader *r) {
    if (r->errors > 0) return -1;
    int status = xmlTextReaderRead(r->reader);
    if (status < 0 || r->errors > 0) {
        if (r->errors == 0) {
            r->errors = 1;
            r->error_line = xmlTextReaderGetParserLineNumber(r->reader);
            strcpy(r->message, "the document ends too early or cannot be read");
        }
        return -1;
    }
    if (status == 0) return 0;
    return xmlTextReaderNodeType(r->reader);
}

const char *netan_xml_name(netan_xml_reader *r) {
    const xmlChar *name = xmlTextReaderConstName(r->reader);
    return name != NULL ? (const char *)name : "";
}

const char *netan_xml_local_name(netan_xml_reader *r) {
    const xmlChar *name = xmlTextReaderConstLocalName(r->reader);
    return name != NULL ? (const char *)name : "";
}

const char *netan_xml_value(netan_xml_reader *r) {
    const xmlChar *value = xmlTextReaderConstValue(r->reader);
    return value != NULL ? (const char *)value : "";
}

int netan_xml_is_empty(netan_xml_reader *r) { return xmlTextReaderIsEmptyElement(r->reader) == 1; }

int netan_xml_next_attribute(netan_xml_reader *r) { return xmlTextReaderMoveToNextAttribute(r->reader) == 1; }

int netan_xml_line(netan_xml_reader *r) {
    // The element's own line; the parser's position runs ahead of the node in chunks.
    xmlNodePtr node = xmlTextReaderCurrentNode(r->reader);
    long line = node != NULL ? xmlGetLineNo(node) : -1;
    return line > 0 ? (int)line : xmlTextReaderGetParserLineNumber(r->reader);
}

int netan_xml_error_line(netan_xml_reader *r) { return r->error_line; }

const char *netan_xml_error_message(netan_xml_reader *r) { return r->errors > 0 ? r->message : ""; }

int netan_xml_contains(const char *bytes, size_t size, const char *needle) {
    return memmem(bytes, size, needle, strlen(needle)) != NULL;
}

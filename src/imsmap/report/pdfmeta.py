"""Document metadata for the PDFs QPdfWriter writes: title, author, subject, creation date.

QPdfWriter sets a title, an author and a creator, and stamps the creation date itself (the time
the painter began). It has no subject, and PDF/A-1b wants the document information dictionary and
the XMP metadata stream to say the same thing. So once the document is made, ``with_metadata``
appends one incremental update (PDF 1.4, 3.4.5) that replaces both objects with matching
values: nothing written before is changed, and every PDF reader takes the latest revision.

No Qt here: it works on the bytes of the finished document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

__all__ = ["DocumentInfo", "with_metadata"]

_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$",
                      re.S)


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    creator: str
    producer: str
    created: datetime
    keywords: str = ""


def _pdf_string(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte-order mark, as hex (no escaping to get wrong)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _pdf_date(value: datetime) -> bytes:
    if value.tzinfo is None:
        value = value.astimezone()
    offset = value.utcoffset()
    text = value.strftime("D:%Y%m%d%H%M%S")
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if minutes == 0:
        text += "Z"
    else:
        sign = "+" if minutes > 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    return f"({text})".encode("ascii")


def _xmp_date(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.astimezone()
    return value.isoformat(timespec="seconds")


def _xmp(info: DocumentInfo, document_id: str, pdfa: bool) -> bytes:
    date = _xmp_date(info.created)

    def alt(tag: str, text: str) -> str:
        return (f"<{tag}><rdf:Alt><rdf:li xml:lang=\"x-default\">{escape(text)}</rdf:li>"
                f"</rdf:Alt></{tag}>")

    parts = [
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>",
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        '<dc:format>application/pdf</dc:format>',
        alt("dc:title", info.title),
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>"
        if info.author else "",
        alt("dc:description", info.subject) if info.subject else "",
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>",
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>" if info.keywords else "",
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>",
        "</rdf:Description>",
        '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
        f"<xmpMM:DocumentID>{escape(document_id)}</xmpMM:DocumentID>" if document_id else "",
        "</rdf:Description>",
    ]
    if pdfa:
        parts += ['<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
                  "<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>",
                  "</rdf:Description>"]
    parts += ["</rdf:RDF>", "</x:xmpmeta>", "<?xpacket end='w'?>"]
    return "\n".join(p for p in parts if p).encode("utf-8")


def _info_dict(info: DocumentInfo) -> bytes:
    date = _pdf_date(info.created)
    items = [(b"/Title", _pdf_string(info.title)), (b"/Author", _pdf_string(info.author)),
             (b"/Subject", _pdf_string(info.subject)), (b"/Creator", _pdf_string(info.creator)),
             (b"/Producer", _pdf_string(info.producer)), (b"/CreationDate", date),
             (b"/ModDate", date), (b"/Trapped", b"/False")]
    if info.keywords:
        items.insert(3, (b"/Keywords", _pdf_string(info.keywords)))
    return b"<<\n" + b"".join(k + b" " + v + b"\n" for k, v in items) + b">>"


def with_metadata(data: bytes, info: DocumentInfo) -> bytes:
    """The PDF ``data`` with an incremental update appended that gives it this document
    information (Info dictionary and XMP metadata stream, consistent with each other)."""
    match = _TRAILER.search(data[-4096:])
    if match is None:
        raise ValueError("the PDF does not end with a trailer")
    body = match.group("body")
    prev = int(match.group("xref"))
    size = int(re.search(rb"/Size\s+(\d+)", body).group(1))
    info_obj = int(re.search(rb"/Info\s+(\d+)\s+0\s+R", body).group(1))
    root_obj = int(re.search(rb"/Root\s+(\d+)\s+0\s+R", body).group(1))
    ids = re.search(rb"/ID\s*(\[[^\]]*\])", body)
    catalog = re.search(rb"(?:^|\n)%d 0 obj\s*<<(.*?)>>\s*endobj" % root_obj, data, re.S)
    meta = re.search(rb"/Metadata\s+(\d+)\s+0\s+R", catalog.group(1)) if catalog else None
    raw_id = re.search(rb"<([0-9A-Fa-f]+)>", ids.group(1)) if ids else None
    document_id = ""
    if raw_id:
        try:
            document_id = "uuid:" + bytes.fromhex(raw_id.group(1).decode()).decode("ascii")
        except (ValueError, UnicodeDecodeError):
            document_id = ""
    pdfa = b"pdfaid:part" in data

    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    offsets[info_obj] = len(out)
    out += b"%d 0 obj\n" % info_obj + _info_dict(info) + b"\nendobj\n"
    if meta is not None:
        meta_obj = int(meta.group(1))
        xmp = _xmp(info, document_id, pdfa)
        offsets[meta_obj] = len(out)
        out += (b"%d 0 obj\n<<\n/Type /Metadata /Subtype /XML\n/Length %d\n>>\nstream\n"
                % (meta_obj, len(xmp)) + xmp + b"\nendstream\nendobj\n")
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += b"trailer\n<<\n/Size %d\n/Info %d 0 R\n/Root %d 0 R\n" % (size, info_obj, root_obj)
    if ids:
        out += b"/ID " + ids.group(1) + b"\n"
    out += b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref)
    return bytes(out)

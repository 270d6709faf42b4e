"""Concatenate PDFs into one file with flat memory: each input is read, its objects written out at once under
new numbers, and only the output's object offsets and page numbers are kept (pypdf's ``PdfWriter`` holds every
page of every input until it writes: 180 MB for 1,000 letters).

Meant for the PDFs ReportLab writes for letters (no encryption, no forms, no outlines across files); each
input's own fonts and images come along with its pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def _remap(obj, ref):
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if isinstance(obj, IndirectObject):
        return ref(obj)
    if isinstance(obj, StreamObject):
        copy = obj.__class__()
        for k, v in obj.items():
            copy[k] = _remap(v, ref)
        copy._data = obj._data
        return copy
    if isinstance(obj, DictionaryObject):
        copy = DictionaryObject()
        for k, v in obj.items():
            copy[k] = _remap(v, ref)
        return copy
    if isinstance(obj, ArrayObject):
        return ArrayObject(_remap(v, ref) for v in obj)
    return obj


def concatenate(paths: Iterable[Path], target: Path) -> int:
    """Write the pages of ``paths``, in order, into ``target``; the number of pages."""
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NumberObject,
    )

    offsets: dict[int, int] = {}
    page_ids: list[int] = []
    next_id = [3]  # 1: the catalog, 2: the page tree
    with open(target, "wb") as out:
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

        def write(number: int, obj) -> None:
            offsets[number] = out.tell()
            out.write(f"{number} 0 obj\n".encode())
            obj.write_to_stream(out)
            out.write(b"\nendobj\n")

        for path in paths:
            reader = PdfReader(path)
            mapping: dict[tuple[int, int], int] = {}
            queue: list[tuple[int, int]] = []

            def ref(indirect, mapping=mapping, queue=queue):
                key = (indirect.idnum, indirect.generation)
                if key not in mapping:
                    mapping[key] = next_id[0]
                    next_id[0] += 1
                    queue.append(key)
                return IndirectObject(mapping[key], 0, None)

            pages = []
            for page in reader.pages:
                pages.append(ref(page.indirect_reference).idnum)
            page_set = set(pages)
            while queue:
                key = queue.pop()
                number = mapping[key]
                obj = reader.get_object(key[0])
                if number in page_set:
                    obj = {k: v for k, v in obj.items() if k != "/Parent"}
                    copy = DictionaryObject({NameObject(k): _remap(v, ref) for k, v in obj.items()})
                    copy[NameObject("/Parent")] = IndirectObject(2, 0, None)
                else:
                    copy = _remap(obj, ref)
                write(number, copy)
            page_ids.extend(pages)
        tree = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Kids"): ArrayObject(IndirectObject(n, 0, None) for n in page_ids),
                NameObject("/Count"): NumberObject(len(page_ids)),
            }
        )
        write(2, tree)
        write(
            1,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): IndirectObject(2, 0, None),
                }
            ),
        )
        xref = out.tell()
        size = next_id[0]
        out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
        for number in range(1, size):
            out.write(f"{offsets.get(number, 0):010d} 00000 {'n' if number in offsets else 'f'} \n".encode())
        out.write(f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return len(page_ids)


__all__ = ["concatenate"]

"""Versions across a batch and the archive: which archived documents a batch document is a version of.

The same `versions.version_pairs` as in one set, asked only of the pairs with a batch document, over the
batch and the archived documents that share a version key with it; the index supplies the counts of the
whole set (how many documents carry a headline, how many share a key).
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..model import Document
from ..versions import VersionPair, plain_headline, version_keys, version_pairs
from .query import Archive

#: `versions.version_pairs`' default: a key more documents share tells nothing
BLOCK_LIMIT = 400


def batch_versions(archive: Archive, docs: Sequence[Document],
                   block_limit: int = BLOCK_LIMIT) -> tuple[tuple[VersionPair, ...], dict[str, int]]:
    """The version pairs with a document of ``docs`` (among them and with the archive), and the archived
    documents they were judged against (name -> id)."""
    new_keys = Counter(k for d in docs for k in set(version_keys(d.text)))
    members, sizes = archive.version_keys(new_keys, block_limit)
    key_sizes = {k: sizes.get(k, 0) + n for k, n in new_keys.items()}
    ids = sorted({i for k, ids in members.items() if key_sizes[k] <= block_limit for i in ids})
    if len(docs) < 2 and not ids:
        return (), {}
    archived = [archive.document(i) for i in ids]
    heads = Counter(plain_headline(d.text) for d in docs)
    stored = archive.head_counts({plain_headline(d.text) for d in archived} | set(heads))
    counts = {h: stored.get(h, 0) + heads.get(h, 0) for h in set(stored) | set(heads)}
    together = sorted([*docs, *archived], key=lambda d: d.name)
    pairs = version_pairs(together, focus={d.name for d in docs}, heads=counts, key_sizes=key_sizes,
                          block_limit=block_limit)
    return pairs, {d.name: i for d, i in zip(archived, ids)}

#!/usr/bin/env python3
"""Writes the unigram list of a Vosk model's language model (graph/Gr.fst) as word<TAB>cost.

Gr.fst is an OpenFst "ngram" FST (the LOUDS layout of fst/extensions/ngram/ngram-fst.h). The
futures of state 0, the unigram state, are every word with its cost -ln P(word). Only plain
lowercase words ([a-z'], which is what Vosk emits) are kept, most frequent first.

  python3 scripts/vosk-unigrams.py models/vosk-model-small-en-us-0.15/graph/Gr.fst 50000 \
      > minutes/src/main/resources/dev/verbatim/minutes/english-frequencies.txt
"""
import re
import struct
import sys

FST_MAGIC = 2125659606
SYMBOL_TABLE_MAGIC = 2125658996


class Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, fmt):
        value = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return value[0] if len(value) == 1 else value

    def string(self):
        n = self.take('<i')
        value = self.data[self.pos:self.pos + n].decode('utf-8')
        self.pos += n
        return value

    def symbol_table(self):
        if self.take('<i') != SYMBOL_TABLE_MAGIC:
            sys.exit('not a symbol table')
        self.string()  # name
        self.take('<q')  # available key
        size = self.take('<q')
        table = {}
        for _ in range(size):
            symbol = self.string()
            table[self.take('<q')] = symbol
        return table


def unigrams(data):
    r = Reader(data)
    if r.take('<i') != FST_MAGIC:
        sys.exit('not an OpenFst file')
    fst_type, _arc_type = r.string(), r.string()
    if fst_type != 'ngram':
        sys.exit('expected an ngram FST, got ' + fst_type)
    _version, flags = r.take('<i'), r.take('<i')
    r.take('<4q')  # properties, start, number of states, number of arcs
    input_symbols = r.symbol_table() if flags & 1 else None
    output_symbols = r.symbol_table() if flags & 2 else input_symbols
    start = r.pos
    num_states, num_futures, num_final = r.take('<3Q')
    words64 = lambda bits: (bits + 63) // 64
    offset = 24
    offset += 8 * words64(num_states * 2 + 1)  # context bitmap
    future_bits = start + offset
    offset += 8 * words64(num_futures + num_states + 1)
    offset += 8 * words64(num_states)  # final bitmap
    offset += 4 * (num_states + 1)  # context words
    future_words = start + offset
    offset += 4 * num_futures
    offset = (offset + 3) & ~3  # weights are aligned relative to the data start
    offset += 4 * (num_states + 1)  # backoff weights
    offset += 4 * num_final  # final weights
    future_probs = start + offset

    def bit(i):
        return (data[future_bits + i // 8] >> (i % 8)) & 1

    # State 0's futures are the ones between the first and second zero of the future bitmap.
    i = 0
    while bit(i):
        i += 1
    first_one, i = i + 1, i + 1
    while bit(i):
        i += 1
    count = i - first_one
    rank = sum(bit(k) for k in range(first_one))
    labels = struct.unpack_from('<%di' % count, data, future_words + 4 * rank)
    costs = struct.unpack_from('<%df' % count, data, future_probs + 4 * rank)
    return [(output_symbols[label], cost) for label, cost in zip(labels, costs)]


def main():
    path, limit = sys.argv[1], int(sys.argv[2])
    with open(path, 'rb') as f:
        entries = unigrams(f.read())
    plain = re.compile(r"^[a-z][a-z']*$")
    entries = sorted((cost, word) for word, cost in entries if plain.match(word))
    print('# Unigram costs (-ln P) of the language model in vosk-model-small-en-us-0.15,')
    print('# Copyright 2020 Alpha Cephei Inc, Apache License 2.0. Top %d words, most frequent' % limit)
    print('# first; made by scripts/vosk-unigrams.py. See README-frequencies.md.')
    for cost, word in entries[:limit]:
        print('%s\t%.2f' % (word, cost))


if __name__ == '__main__':
    main()

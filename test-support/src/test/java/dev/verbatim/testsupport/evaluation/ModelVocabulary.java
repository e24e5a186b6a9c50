package dev.verbatim.testsupport.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The words a Vosk model can recognise. The small English model ships no {@code words.txt}, but its
 * grammar FST ({@code graph/Gr.fst}) carries the word symbol table in its OpenFst header.
 */
final class ModelVocabulary {

  private static final int FST_MAGIC = 0x7eb2fdd6;
  private static final int SYMBOLS_MAGIC = 0x7eb2fb74;
  private static final int HAS_INPUT_SYMBOLS = 1;

  private ModelVocabulary() {}

  static Set<String> of(Path model) {
    Path grammar = model.resolve("graph").resolve("Gr.fst");
    try (FileChannel channel = FileChannel.open(grammar, StandardOpenOption.READ)) {
      ByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      in.order(ByteOrder.LITTLE_ENDIAN);
      expect(in.getInt(), FST_MAGIC, grammar);
      string(in); // FST type
      string(in); // arc type
      in.getInt(); // version
      int flags = in.getInt();
      in.position(in.position() + 4 * Long.BYTES); // properties, start, states, arcs
      if ((flags & HAS_INPUT_SYMBOLS) == 0) {
        throw new IllegalStateException(grammar + " carries no symbol table");
      }
      expect(in.getInt(), SYMBOLS_MAGIC, grammar);
      string(in); // table name
      in.getLong(); // next free key
      long size = in.getLong();
      Set<String> words = new HashSet<>();
      for (long i = 0; i < size; i++) {
        words.add(string(in));
        in.getLong(); // key
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the vocabulary of " + model, e);
    }
  }

  private static String string(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void expect(int magic, int wanted, Path file) {
    if (magic != wanted) {
      throw new IllegalStateException(
          file + " is not an OpenFst file with symbols: magic " + Integer.toHexString(magic));
    }
  }
}

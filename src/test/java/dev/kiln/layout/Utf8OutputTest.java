package dev.kiln.layout;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A layout's output encoded as it is written: the bytes the whole text would have, however it came. */
class Utf8OutputTest {

    /** ASCII, two- and three-byte characters and their edges, both halves of a pair, NUL. */
    private static final char[] ALPHABET = {'a', '<', '\n', '\0', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800',
            '\u2014', '\uffff', '\ud83d', '\ude80', '\udbff', '\udc00'};

    @Test
    void theBytesAreThoseOfTheWholeTextWhateverThePiecesAndHowTheyAreWritten() {
        Random random = new Random(20261206);
        for (int run = 0; run < 2_000; run++) {
            Utf8Output out = new Utf8Output(null, null);
            StringBuilder whole = new StringBuilder();
            for (int pieces = random.nextInt(8); pieces > 0; pieces--) {
                String piece = text(random, random.nextInt(20) == 0 ? 40_000 : random.nextInt(12));
                whole.append(piece);
                switch (random.nextInt(4)) {
                    case 0 -> out.write(piece);
                    case 1 -> out.write("xy" + piece + "z", 2, piece.length());
                    case 2 -> out.write(("q" + piece).toCharArray(), 1, piece.length());
                    default -> piece.chars().forEach(out::write);
                }
            }
            String text = whole.toString();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(), () -> escaped(text));
        }
    }

    @Test
    void theKnownStringItselfIsCopiedAsTheBytesGivenAndAnEqualOneIsEncoded() throws java.io.IOException {
        String body = "<p>caf\u00e9</p>";
        Utf8Output out = new Utf8Output(body, "[body]".getBytes(StandardCharsets.UTF_8));

        out.write("<main>");
        out.write(body);
        out.write(new String(body.toCharArray()));
        out.append(body);

        assertArrayEquals("<main>[body]<p>caf\u00e9</p>[body]".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void aHighSurrogateBeforeTheKnownStringPairsWithItsFirstCharacterAsInTheWholeText() {
        String body = "\ude80!";
        Utf8Output out = new Utf8Output(body, "[body]".getBytes(StandardCharsets.UTF_8));

        out.write("\ud83d");
        out.write(body);

        assertArrayEquals("\ud83d\ude80!".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    private static String text(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static String escaped(String text) {
        StringBuilder b = new StringBuilder();
        text.chars().limit(200).forEach(c -> b.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return b.toString();
    }
}

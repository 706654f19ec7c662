package nl.waarborg.policy.internal;

import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Position;

/**
 * Finds the first byte sequence of a policy file that is not UTF-8 (YAML 1.2 files are Unicode; Java's decoder
 * would silently put U+FFFD in its place and publish it), with the line and column where it stands.
 */
public final class Utf8Check {

    private Utf8Check() {
    }

    /** The error at the first invalid sequence, or null when all of it is UTF-8. */
    public static Finding firstError(String file, byte[] bytes) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            if (length == 0 || i + length > bytes.length || !continuation(bytes, i, length) || overlongOrSurrogate(bytes, i, length)) {
                return Finding.error(new Position(file, line, column), "encoding", "the file is not valid UTF-8 here "
                        + "(byte 0x" + Integer.toHexString(b) + " at offset " + i + "); save it as UTF-8");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += length;
        }
        return null;
    }

    private static boolean continuation(byte[] bytes, int start, int length) {
        for (int k = 1; k < length; k++) {
            if ((bytes[start + k] & 0xc0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Three- and four-byte forms that encode too small a value, a surrogate, or beyond U+10FFFF. */
    private static boolean overlongOrSurrogate(byte[] bytes, int start, int length) {
        int b0 = bytes[start] & 0xff;
        int b1 = length > 1 ? bytes[start + 1] & 0xff : 0;
        return (b0 == 0xe0 && b1 < 0xa0) || (b0 == 0xed && b1 >= 0xa0) || (b0 == 0xf0 && b1 < 0x90) || (b0 == 0xf4 && b1 >= 0x90);
    }
}

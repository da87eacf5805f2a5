package cn.xiaoben.activity.attachment;

import java.nio.charset.StandardCharsets;

/** Upload file names made safe to store and to send back in {@code Content-Disposition}. */
final class Filenames {

    private static final int MAX_LENGTH = 200;

    private Filenames() {
    }

    /** The last path segment, without control characters, at most 200 characters; "attachment" when nothing is left. */
    static String clean(String original) {
        if (original == null) {
            return "attachment";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x7F).forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH));
        }
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "attachment" : cleaned;
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266 with RFC 5987
     * encoding), so that 教学设计.pdf arrives intact in every current browser and old clients still get a name.
     */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        filename.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%') {
                ascii.append('_');
            } else {
                ascii.append((char) c);
            }
        });
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(filename);
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}

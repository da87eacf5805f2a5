package cn.xiaoben.activity.attachment;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its bytes alone (never from its name or declared type) and whether attachments may be
 * of that type.
 * <p>
 * Detection is Apache Tika's magic-byte detector ({@code tika-core} only, no parsers); the file name is deliberately
 * not passed to it, because Tika lets a name hint win when the magic says nothing (random bytes named {@code x.pdf}
 * would become {@code application/pdf}). {@code tika-core} recognises OOXML only as a zip
 * ({@code application/x-tika-ooxml} when {@code [Content_Types].xml} is the first entry, else
 * {@code application/zip}); for those this class lists the zip's entry names from its central directory (nothing is inflated) and calls the
 * file DOCX, XLSX or PPTX when it has {@code [Content_Types].xml} and the main part of exactly that format
 * ({@code word/document.xml}, {@code xl/workbook.xml}, {@code ppt/presentation.xml}). Any other zip is refused.
 */
final class ContentSniffer {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String TEXT = "text/plain";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    static final Set<String> ALLOWED = Set.of(PDF, JPEG, PNG, TEXT, DOCX, XLSX, PPTX);

    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "word/document.xml", DOCX, "xl/workbook.xml", XLSX, "ppt/presentation.xml", PPTX);
    /** Declared types that say "some file" rather than a type, and so cannot disagree with the bytes. */
    private static final Set<String> UNSPECIFIC = Set.of("application/octet-stream", "binary/octet-stream");
    /** Aliases clients send for the allowed types. */
    private static final Map<String, String> ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG,
            "image/x-png", PNG, "application/x-pdf", PDF);
    private static final int MAX_ZIP_ENTRIES_LISTED = 10_000;

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** What the bytes are (base type, no parameters), e.g. {@code application/pdf}. */
    String detect(InputStreamSource source) throws IOException {
        String detected;
        try (TikaInputStream in = TikaInputStream.get(source.open())) {
            detected = detector.detect(in, new Metadata()).getBaseType().toString();
        }
        if (detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")) {
            return ooxmlType(source).orElse(detected);
        }
        return detected;
    }

    static boolean allowed(String detected) {
        return ALLOWED.contains(detected);
    }

    /** Whether the declared part type agrees with the detected one (absent or generic declarations agree). */
    static boolean agrees(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String base;
        try {
            base = MediaType.parse(declared.trim().toLowerCase()).getBaseType().toString();
        } catch (RuntimeException e) {
            return false;
        }
        if (UNSPECIFIC.contains(base)) {
            return true;
        }
        return ALIASES.getOrDefault(base, base).equals(detected);
    }

    private static Optional<String> ooxmlType(InputStreamSource source) throws IOException {
        // The central directory only (ZipFile on a temporary copy): entries are listed, never inflated.
        Set<String> names = new HashSet<>();
        Path copy = Files.createTempFile("attachment-", ".zip");
        try {
            try (InputStream in = source.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements() && names.size() < MAX_ZIP_ENTRIES_LISTED) {
                    names.add(entries.nextElement().getName());
                }
            } catch (IOException | IllegalArgumentException corrupt) {
                return Optional.empty();
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        Set<String> kinds = new HashSet<>();
        OOXML_MAIN_PARTS.forEach((part, type) -> {
            if (names.contains(part)) {
                kinds.add(type);
            }
        });
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.empty();
    }

    /** Something that can be read from its beginning more than once (an uploaded part is). */
    @FunctionalInterface
    interface InputStreamSource {
        InputStream open() throws IOException;
    }
}

package cn.xiaoben.credit.certificate;

import cn.xiaoben.contracts.PlatformTime;
import cn.xiaoben.credit.requirement.RequirementProgress;
import cn.xiaoben.credit.transcript.TranscriptView;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a continuing-education certificate record (继续教育证书) as a one-page A4 PDF with Apache PDFBox: teacher,
 * school, school year, total 学时 and 学分, required-content hours, each requirement's status, the certificate number,
 * issue date and the public verification URL.
 * <p>
 * Chinese needs a CJK font, embedded as a subset: {@code xiaoben.credit.certificate.font} (a .ttf/.otf/.ttc file),
 * else the first CJK font found in the usual font folders (Noto CJK, Source Han, WenQuanYi, SimSun …). Without one
 * the certificate is rendered in English with Helvetica: numbers, dates and ids stay; a name the font cannot show is
 * replaced by the teacher id (the PDF's metadata keeps the name).
 */
@Component
class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    private static final Pattern CJK_FONT = Pattern.compile(
            "(?i).*(notosanscjk|notoserifcjk|noto.*(sc|cjk)|sourcehan|wqy|wenquanyi|simsun|simhei|msyh|droidsansfallback"
                    + "|arphic|uming|ukai|fandol).*\\.(ttf|ttc|otf)");
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.fonts", System.getProperty("user.home") + "/.local/share/fonts",
            "/Library/Fonts", "C:\\Windows\\Fonts");

    private final Optional<Path> cjkFont;
    private final String publicBaseUrl;

    CertificatePdf(@Value("${xiaoben.credit.certificate.font:}") String configuredFont,
                   @Value("${xiaoben.credit.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.cjkFont = configuredFont.isBlank() ? findCjkFont() : Optional.of(Path.of(configuredFont));
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        log.info("Certificate font: {}", cjkFont.map(Path::toString).orElse("none with CJK glyphs; English only"));
    }

    String verificationUrl(String number) {
        return publicBaseUrl + "/api/credits/certificates/" + number + "/verification";
    }

    byte[] render(Certificates.Issued issued) {
        TranscriptView t = issued.transcript();
        try (PDDocument document = new PDDocument()) {
            PDFont cjk = cjkFont.flatMap(path -> load(document, path)).orElse(null);
            PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont latinBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            boolean zh = cjk != null;
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("继续教育证书 " + issued.number());
            info.setSubject(t.teacher().name() + " " + t.year());
            info.setCreator("Xiaoben credit-service");
            LocalDate issuedOn = LocalDate.ofInstant(issued.issuedAt(), PlatformTime.ZONE);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float width = page.getMediaBox().getWidth();
                float y = page.getMediaBox().getHeight() - 90;
                Writer w = new Writer(out, zh ? cjk : latin, zh ? cjk : latinBold);
                w.centered(zh ? "继续教育证书" : "Continuing Education Certificate", 26, width, y, true);
                y -= 28;
                w.centered(zh ? "Continuing Education Certificate (record)" : "(Jixu jiaoyu zhengshu record)", 12,
                        width, y, false);
                y -= 50;
                String name = w.canShow(t.teacher().name()) ? t.teacher().name() : t.teacher().teacherId();
                String school = t.teacher().schoolName() != null && w.canShow(t.teacher().schoolName())
                        ? t.teacher().schoolName() : t.teacher().schoolId();
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{zh ? "证书编号 Certificate no." : "Certificate no.", issued.number()});
                rows.add(new String[]{zh ? "教师 Teacher" : "Teacher", name + "  (" + t.teacher().teacherId() + ")"});
                rows.add(new String[]{zh ? "学校 School" : "School", school});
                rows.add(new String[]{zh ? "学年 School year" : "School year", t.year()});
                rows.add(new String[]{zh ? "总学时 Total hours" : "Total hours", t.totalHours().toPlainString()});
                rows.add(new String[]{zh ? "总学分 Total credits" : "Total credits",
                        t.totalCredits() == null ? "-" : t.totalCredits().toPlainString()
                                + (t.hoursPerCredit() == null ? "" : "  (" + t.hoursPerCredit().stripTrailingZeros()
                                .toPlainString() + (zh ? " 学时 = 1 学分)" : " hours = 1 credit)"))});
                rows.add(new String[]{zh ? "必修学时 Required-content hours" : "Required-content hours",
                        t.requiredContentHours().toPlainString()});
                rows.add(new String[]{zh ? "规则 Rule set" : "Rule set", (zh && w.canShow(t.ruleSet().name())
                        ? t.ruleSet().name() + " " : "") + t.ruleSet().id() + " v" + t.ruleSet().version()});
                for (String[] row : rows) {
                    w.text(row[0], 11, 70, y, false);
                    w.text(row[1], 11, 260, y, true);
                    y -= 22;
                }
                y -= 10;
                w.text(zh ? "考核要求 Requirements" : "Requirements", 13, 70, y, true);
                y -= 22;
                for (RequirementProgress r : t.requirements()) {
                    String label = (zh && r.nameZh() != null && w.canShow(r.nameZh()) ? r.nameZh() : r.requirementId())
                            + "  [" + r.period() + "]";
                    w.text(label, 10, 70, y, false);
                    w.text(r.earnedHours().toPlainString() + " / " + r.requiredHours().toPlainString()
                            + (r.requiredContentHours() == null ? "" : "  (" + r.requiredContentEarned()
                            .toPlainString() + " / " + r.requiredContentHours().toPlainString()
                            + (zh ? " 必修)" : " required)")) + "   " + r.status()
                            + (zh ? " " + statusZh(r.status().name()) : ""), 10, 330, y, false);
                    y -= 18;
                }
                y -= 20;
                w.text((zh ? "签发日期 Issued on: " : "Issued on: ") + issuedOn, 11, 70, y, false);
                y -= 20;
                w.text(zh ? "查验 Verify:" : "Verify:", 11, 70, y, false);
                y -= 16;
                w.text(verificationUrl(issued.number()), 9, 70, y, false);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusZh(String status) {
        return switch (status) {
            case "MET" -> "已达标";
            case "ON_TRACK" -> "进度正常";
            case "AT_RISK" -> "有风险";
            case "MISSED" -> "未达标";
            default -> "未开始";
        };
    }

    private static Optional<PDFont> load(PDDocument document, Path path) {
        try {
            PDFont font;
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = PDType0Font.load(document, first[0], true);
            } else {
                font = PDType0Font.load(document, path.toFile());
            }
            font.encode("继续教育证书学时");
            return Optional.of(font);
        } catch (IOException | RuntimeException e) {
            log.warn("Font {} cannot be used for Chinese: {}", path, e.toString());
            return Optional.empty();
        }
    }

    static Optional<Path> findCjkFont() {
        for (String dir : FONT_DIRS) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root, 6)) {
                Optional<Path> found = files.filter(Files::isRegularFile)
                        .filter(p -> CJK_FONT.matcher(p.getFileName().toString()).matches())
                        .sorted().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder: look elsewhere
            }
        }
        return Optional.empty();
    }

    /** Writes text with the chosen fonts; characters a font cannot show become '?'. */
    private record Writer(PDPageContentStream out, PDFont regular, PDFont bold) {

        boolean canShow(String text) {
            if (text == null) {
                return false;
            }
            try {
                regular.encode(text);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        void text(String text, float size, float x, float y, boolean strong) throws IOException {
            PDFont font = strong ? bold : regular;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(safe(font, text));
            out.endText();
        }

        void centered(String text, float size, float width, float y, boolean strong) throws IOException {
            PDFont font = strong ? bold : regular;
            String safe = safe(font, text);
            float textWidth = font.getStringWidth(safe) / 1000 * size;
            text(safe, size, (width - textWidth) / 2, y, strong);
        }

        private static String safe(PDFont font, String text) {
            StringBuilder shown = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    shown.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }
    }

}

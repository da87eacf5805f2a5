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
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a continuing-education certificate record (继续教育证书) as a one-page A4 PDF with Apache PDFBox: teacher,
 * school, school year, total 学时 and 学分, required-content hours, each requirement's status, the certificate number,
 * issue date and the public verification URL.
 * <p>
 * Chinese needs a CJK font, embedded as a subset: {@code xiaoben.credit.certificate.font} (a .ttf/.otf/.ttc file),
 * else the bundled Droid Sans Fallback ({@code fonts/DroidSansFallbackFull.ttf}, Apache-2.0, see
 * {@code fonts/NOTICE.md}), so every machine renders Chinese. Should a font fail to load, the certificate is rendered
 * in English with Helvetica: numbers, dates and ids stay; a name the font cannot show is replaced by the teacher id.
 */
@Component
class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    private final Optional<Path> cjkFont;
    private final String publicBaseUrl;

    CertificatePdf(@Value("${xiaoben.credit.certificate.font:}") String configuredFont,
                   @Value("${xiaoben.credit.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.cjkFont = configuredFont.isBlank() ? Optional.empty() : Optional.of(Path.of(configuredFont));
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        log.info("Certificate font: {}", cjkFont.map(Path::toString).orElse("bundled " + BUNDLED_FONT));
    }

    String verificationUrl(String number) {
        return publicBaseUrl + "/api/credits/certificates/" + number + "/verification";
    }

    byte[] render(Certificates.Issued issued) {
        TranscriptView t = issued.transcript();
        try (PDDocument document = new PDDocument()) {
            PDFont cjk = cjkFont.isPresent() ? load(document, cjkFont.get()).orElse(null)
                    : loadBundled(document).orElse(null);
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
                Writer w = new Writer(out, zh ? cjk : latin, zh ? cjk : latinBold, latin, latinBold);
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

    static final String BUNDLED_FONT = "/fonts/DroidSansFallbackFull.ttf";

    private static Optional<PDFont> loadBundled(PDDocument document) {
        try (java.io.InputStream in = CertificatePdf.class.getResourceAsStream(BUNDLED_FONT)) {
            if (in == null) {
                log.warn("Bundled font {} missing; the certificate is rendered in English", BUNDLED_FONT);
                return Optional.empty();
            }
            PDFont font = PDType0Font.load(document, in, true);
            font.encode("继续教育证书学时");
            return Optional.of(font);
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled font {} cannot be used for Chinese: {}", BUNDLED_FONT, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Writes text in runs: each character in the first font that has its glyph (the CJK font, then Helvetica, which
     * has the Latin letters and signs a CJK fallback font may lack); a character neither has becomes '?'.
     */
    private record Writer(PDPageContentStream out, PDFont regular, PDFont bold, PDFont latin, PDFont latinBold) {

        boolean canShow(String text) {
            return text != null && text.codePoints().allMatch(cp -> has(regular, cp) || has(latin, cp));
        }

        void text(String text, float size, float x, float y, boolean strong) throws IOException {
            out.beginText();
            out.newLineAtOffset(x, y);
            for (Run run : runs(text, strong)) {
                out.setFont(run.font(), size);
                out.showText(run.text());
            }
            out.endText();
        }

        void centered(String text, float size, float width, float y, boolean strong) throws IOException {
            float textWidth = 0;
            for (Run run : runs(text, strong)) {
                textWidth += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            text(text, size, (width - textWidth) / 2, y, strong);
        }

        private List<Run> runs(String text, boolean strong) {
            PDFont first = strong ? bold : regular;
            PDFont second = strong ? latinBold : latin;
            List<Run> runs = new java.util.ArrayList<>();
            StringBuilder current = new StringBuilder();
            PDFont currentFont = null;
            for (int cp : text.codePoints().toArray()) {
                PDFont font = has(first, cp) ? first : second;
                String c = has(font, cp) ? new String(Character.toChars(cp)) : "?";
                if (currentFont != null && font != currentFont) {
                    runs.add(new Run(currentFont, current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.append(c);
            }
            if (currentFont != null) {
                runs.add(new Run(currentFont, current.toString()));
            }
            return runs;
        }

        private static boolean has(PDFont font, int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    private record Run(PDFont font, String text) {
    }
}

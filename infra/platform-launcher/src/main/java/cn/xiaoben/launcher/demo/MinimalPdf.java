package cn.xiaoben.launcher.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A valid one-page A4 PDF with a few lines of Helvetica text (ASCII only), built by hand: no PDF library needed. */
final class MinimalPdf {

	private MinimalPdf() {
	}

	static byte[] page(String... lines) {
		StringBuilder content = new StringBuilder("BT /F1 14 Tf 72 770 Td 18 TL\n");
		for (String line : lines) {
			String ascii = line.replaceAll("[^\\x20-\\x7E]", "?").replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
			content.append('(').append(ascii).append(") Tj T*\n");
		}
		content.append("ET\n");
		byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Length " + stream.length + " >>\nstream\n" + content + "endstream");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n", StandardCharsets.ISO_8859_1);
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n", StandardCharsets.US_ASCII);
		}
		int xref = out.size();
		StringBuilder trailer = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(o -> trailer.append(String.format("%010d 00000 n \n", o)));
		trailer.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		write(out, trailer.toString(), StandardCharsets.US_ASCII);
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text, java.nio.charset.Charset charset) {
		out.writeBytes(text.getBytes(charset));
	}
}

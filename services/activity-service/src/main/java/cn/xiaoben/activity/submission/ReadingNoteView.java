package cn.xiaoben.activity.submission;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reading notes as the API shows them; lists leave {@code text} out (null): fetch one to read it. */
public record ReadingNoteView(String id, String districtId, String townshipId, String schoolId, String teacherId,
                              String teacherName, String kind, String title, String bookTitle, String bookAuthor,
                              String chapters, String text, int wordCount, LocalDate writtenOn,
                              List<String> attachmentIds, Instant submittedAt) {

    static ReadingNoteView of(Document d, boolean withText) {
        return new ReadingNoteView(d.getString("_id"), d.getString("districtId"), d.getString("townshipId"),
                d.getString("schoolId"), d.getString("teacherId"), d.getString("teacherName"), d.getString("kind"),
                d.getString("title"), d.getString("bookTitle"), d.getString("bookAuthor"), d.getString("chapters"),
                withText ? d.getString("text") : null, d.getInteger("wordCount"),
                LocalDate.parse(d.getString("writtenOn")), d.getList("attachmentIds", String.class),
                d.getDate("submittedAt").toInstant());
    }
}

package cn.xiaoben.contracts.activity;

import cn.xiaoben.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A teacher submitted reading notes (读书心得) on a professional book or article. Keyed by the teacher who wrote them.
 * The notes' text stays in the activity service (the event carries its word count only, to keep the payload small).
 * {@code kind} is {@code book} (专业书籍) or {@code article} (专业文章); {@code writtenOn} is a civil date in China
 * Standard Time; {@code bookAuthor} and {@code chapters} may be null.
 */
public record ReadingNoteSubmitted(String noteId, String districtId, String townshipId, String schoolId,
                                   String teacherId, String kind, String title, String bookTitle, String bookAuthor,
                                   String chapters, int wordCount, LocalDate writtenOn, List<String> attachmentIds,
                                   Instant submittedAt) implements DomainEvent {

    @Override
    public String partitionKey() {
        return teacherId;
    }

    @Override
    public String eventSubject() {
        return noteId;
    }
}

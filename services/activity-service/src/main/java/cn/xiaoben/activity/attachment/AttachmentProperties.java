package cn.xiaoben.activity.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest attachment accepted (413 above it). Spring's multipart limits
 *                ({@code spring.servlet.multipart.*}) are set from it in {@code application.yml}; this value is also
 *                checked again by the service.
 */
@ConfigurationProperties("xiaoben.activity.attachments")
public record AttachmentProperties(@DefaultValue("10MB") DataSize maxSize) {
}

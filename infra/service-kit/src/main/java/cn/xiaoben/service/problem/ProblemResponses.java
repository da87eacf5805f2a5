package cn.xiaoben.service.problem;

import jakarta.validation.ConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure a client can cause into problem+json with the right status; anything else is a bare 500. */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        return respond(Problems.of(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(fieldProblem(error));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.add(new FieldProblem(g.getObjectName(),
                g.getCode(), g.getDefaultMessage(), g.getDefaultMessage())));
        return respond(Problems.of(ApiProblem.invalid(fields)));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            fields.add(new FieldProblem(name, "invalid", error.getDefaultMessage(), error.getDefaultMessage()));
        }));
        return respond(Problems.of(ApiProblem.invalid(fields)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(Problems.of(ApiProblem.invalidField(field, "unknown-field",
                    "Unknown field '" + field + "'.", "未知字段“" + field + "”。")));
        }
        if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return respond(Problems.of(ApiProblem.invalidField(field, "wrong-type",
                    "Field '" + field + "' has a value of the wrong type or format.",
                    "字段“" + field + "”的值类型或格式不正确。")));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "The request body is missing or is not valid JSON.", "请求体缺失或不是合法的 JSON。", List.of()));
    }

    /** Names the parameter, never the Java type it was meant to become nor the value sent. */
    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            String name = mismatch.getName();
            return respond(Problems.of(ApiProblem.invalidField(name, "wrong-type",
                    "Parameter '" + name + "' has a value of the wrong type or out of range.",
                    "参数“" + name + "”的值类型不正确或超出范围。")));
        }
        String name = e instanceof MissingRequestHeaderException header ? header.getHeaderName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return respond(Problems.of(ApiProblem.invalidField(name, "required",
                "'" + name + "' is required.", "缺少“" + name + "”。")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Content type " + e.getContentType() + " is not supported; use " + supported + ".",
                "不支持内容类型 " + e.getContentType() + "，请使用 " + supported + "。", List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "None of the accepted media types can be produced.", "无法提供所请求的格式。", List.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method " + e.getMethod() + " is not allowed here.", "此处不支持 " + e.getMethod() + " 方法。", List.of()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such resource: /" + e.getResourcePath(),
                "资源不存在：/" + e.getResourcePath(), List.of()));
    }

    /** A multipart body that cannot be parsed (no boundary, cut short, garbage): the client's fault, never a 500. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart",
                "The multipart body cannot be read.", "无法读取 multipart 请求体。", List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is too large.",
                "上传内容过大。", List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this.",
                "您的角色无权执行此操作。", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was changed by this request if it failed before "
                        + "its write. Retry with the same Idempotency-Key.",
                "服务器内部错误；可使用相同的 Idempotency-Key 重试。", List.of()));
    }

    private static FieldProblem fieldProblem(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            return BilingualMessages.of(error.getField(), error.unwrap(ConstraintViolation.class));
        }
        return new FieldProblem(error.getField(), "wrong-type", "Field '" + error.getField() + "' is invalid.",
                "字段“" + error.getField() + "”不合法。");
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package cn.xiaoben.credit.certificate;

import cn.xiaoben.service.tenancy.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CertificateController {

    static final String VERIFICATION = "/api/credits/certificates/{number}/verification";

    private final Certificates certificates;
    private final CertificatePdf pdf;

    CertificateController(Certificates certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    /** The teacher's continuing-education certificate record for a school year, as a PDF. */
    @GetMapping(value = "/api/credits/teachers/{teacherId}/certificate")
    ResponseEntity<byte[]> certificate(Caller caller, @PathVariable String teacherId,
                                       @RequestParam(required = false) String year) {
        Certificates.Issued issued = certificates.issue(caller, teacherId, year);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("X-Certificate-Number", issued.number())
                .header("Content-Disposition", "inline; filename=\"certificate-" + issued.number() + ".pdf\"")
                .cacheControl(CacheControl.noStore())
                .body(pdf.render(issued));
    }

    /** Public (no token): whether a certificate number is genuine, and its year and totals — nothing else. */
    @GetMapping(VERIFICATION)
    Certificates.Verification verification(@PathVariable String number) {
        return certificates.verify(number);
    }
}

package org.civicit.lms.web.platform;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.civicit.lms.web.problem.BodyTooLargeException;
import org.civicit.lms.web.problem.Messages;

/**
 * The largest body the API reads: 1 MB of JSON, 50 MB of anything else (CSV files, question
 * banks). A declared length over the limit is refused at once with 413; a body sent in
 * chunks is read no further than the limit (JSON here, the rest counted as the method reads
 * it) and refused the moment it passes it, so no body is ever held whole beyond it. A method that takes any media type (a trainee's file) keeps
 * its own limit.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class BodyLimits implements ContainerRequestFilter, ReaderInterceptor {

    private static final String COUNTED = BodyLimits.class.getName() + ".counted";

    public static final long JSON_MAX_BYTES = 1024 * 1024;
    public static final long OTHER_MAX_BYTES = 50L * 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes != null && Arrays.asList(consumes.value()).contains(MediaType.WILDCARD)) {
            return;
        }
        boolean json = isJson(request.getMediaType());
        long limit = json ? JSON_MAX_BYTES : OTHER_MAX_BYTES;
        if (request.getLength() > limit) {
            refuse(request, limit);
            return;
        }
        if (json) {
            // JSON is small and parsed whole anyway: read up to the limit here, where going past it is certain.
            byte[] body = request.getEntityStream().readNBytes((int) limit + 1);
            if (body.length > limit) {
                refuse(request, limit);
            } else {
                request.setEntityStream(new ByteArrayInputStream(body));
            }
            return;
        }
        Counted counted = new Counted(request.getEntityStream(), limit);
        request.setProperty(COUNTED, counted);
        request.setEntityStream(counted);
    }

    /** Readers may wrap what the stream threw without its cause: a body cut off at the limit is told as such. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (context.getProperty(COUNTED) instanceof Counted counted && counted.over()) {
                throw new BodyTooLargeException(counted.limit);
            }
            throw e;
        }
    }

    private static void refuse(ContainerRequestContext request, long limit) {
        Locale locale = Messages.pick(request.getAcceptableLanguages());
        request.abortWith(BodyTooLargeException.problem(locale, limit).toResponse(locale));
    }

    // No media type is read as the JSON that almost every method takes.
    private static boolean isJson(MediaType type) {
        return type == null || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /** Counts what is read and stops at the limit. */
    private static final class Counted extends FilterInputStream {

        private final long limit;
        private long count;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        boolean over() {
            return count > limit;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}

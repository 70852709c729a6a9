package io.masspay.command.batch;

/**
 * Another submission of the same batch committed first (it took a claim this one needed). Nothing of
 * this attempt is kept; running the submission again turns it into a retry of the committed batch.
 */
public class ConcurrentSubmission extends RuntimeException {

    public ConcurrentSubmission(String message) {
        super(message, null, false, false);
    }
}

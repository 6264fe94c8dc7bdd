using Payguru.RefundProcessor.Attempts;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Every sub-merchant statement: shared ones here, the dialects' own in <see cref="SqliteSubMerchantQueries"/>
/// and <see cref="SqlServerSubMerchantQueries"/>. The attempt statements take the external id as @Key.
/// </summary>
public abstract class SubMerchantQueries : AttemptQueries
{
    public override string SelectByKey => """
        SELECT member_external_id AS MemberExternalId, registration AS Registration, state AS State, member_name AS MemberName,
               request AS Request, paywall_member_id AS PaywallMemberId, outcome_unknown AS OutcomeUnknown,
               rejection_reason AS RejectionReason, rejection_message AS RejectionMessage, paywall_error_code AS PaywallErrorCode,
               attempts AS Attempts, requested_at AS RequestedAt, updated_at AS UpdatedAt
        FROM sub_merchants WHERE member_external_id = @Key;
        """;

    public string InsertFirst => """
        INSERT INTO sub_merchants (member_external_id, registration, state, member_name, request, rejection_reason,
                                   rejection_message, paywall_error_code, requested_at, updated_at)
        VALUES (@MemberExternalId, @Registration, @State, @MemberName, @Request, @RejectionReason, @RejectionMessage, @PaywallErrorCode, @RequestedAt, @UpdatedAt);
        """;

    /// <summary>Takes over the rejected row of the registration before @Registration.</summary>
    public string ReplaceRejected => """
        UPDATE sub_merchants SET registration = @Registration, state = @State, member_name = @MemberName, request = @Request,
                                 paywall_member_id = NULL, outcome_unknown = 0, rejection_reason = @RejectionReason,
                                 rejection_message = @RejectionMessage, paywall_error_code = @PaywallErrorCode,
                                 attempt_owner = NULL, attempt_expires_at = NULL, attempts = 0,
                                 requested_at = @RequestedAt, updated_at = @UpdatedAt
        WHERE member_external_id = @MemberExternalId AND state = 'rejected' AND registration = @Registration - 1;
        """;

    public override string StartAttempt => """
        UPDATE sub_merchants SET state = 'creating', attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt,
                                 attempts = attempts + 1, updated_at = @Now
        WHERE member_external_id = @Key AND state = 'accepted';
        """;

    /// <summary>The attempt before may have reached Paywall, so the outcome counts as unknown from here on.</summary>
    public override string TakeOverAttempt => """
        UPDATE sub_merchants SET attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt, outcome_unknown = 1,
                                 attempts = attempts + 1, updated_at = @Now
        WHERE member_external_id = @Key AND state = 'creating' AND attempt_expires_at < @Now;
        """;

    public override string PostponeAttempt => """
        UPDATE sub_merchants SET outcome_unknown = 1, attempt_expires_at = @ExpiresAt, updated_at = @Now
        WHERE member_external_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string CompleteRegistered => """
        UPDATE sub_merchants SET state = 'registered', paywall_member_id = @MemberId, request = NULL,
                                 attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
        WHERE member_external_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string CompleteRejected => """
        UPDATE sub_merchants SET state = 'rejected', rejection_reason = @Reason, rejection_message = @Message, paywall_error_code = @Code,
                                 request = NULL, attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
        WHERE member_external_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;
}

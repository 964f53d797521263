namespace Conventions.Host.Infrastructure;

/// <summary>
/// The stable camelCase operationId of every operation, for generated clients (<c>createBooking</c>, not
/// <c>BookingsPOST2</c>). A route missing here has no id, and <c>OpenApiContractTests</c> fails.
/// </summary>
internal static class OperationIds
{
    public static string? For(string method, string relativePath)
    {
        var path = "/" + relativePath.TrimStart('/');
        if (path.StartsWith("/api/v1", StringComparison.Ordinal))
        {
            path = path["/api/v1".Length..];
        }
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }
        // Route constraints ({id:guid}) and a group's trailing slash are not part of the documented path.
        path = System.Text.RegularExpressions.Regex.Replace(path, "{([^}:]+):[^}]+}", "{$1}").TrimEnd('/');
        return Ids.GetValueOrDefault($"{method.ToUpperInvariant()} {path}");
    }

    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["POST /organizations"] = "createOrganization",
        ["GET /organizations"] = "listOrganizations",
        ["GET /organizations/{id}"] = "getOrganization",
        ["POST /organizations/{id}/contacts"] = "addContact",
        ["PUT /organizations/{id}/logo"] = "setOrganizationLogo",
        ["GET /organizations/{id}/logo"] = "getOrganizationLogo",
        ["DELETE /organizations/{id}/logo"] = "deleteOrganizationLogo",
        ["POST /organizations/{id}/suspend"] = "suspendOrganization",
        ["POST /organizations/{id}/reactivate"] = "reactivateOrganization",
        ["POST /organizations/{id}/credentials"] = "issueCredential",
        ["GET /organizations/{id}/credentials"] = "listCredentials",
        ["POST /organizations/{id}/credentials/{credentialId}/revoke"] = "revokeCredential",
        ["POST /organizations/{id}/credentials/{credentialId}/rotate"] = "rotateCredential",
        ["GET /platform/credentials"] = "listPlatformCredentials",
        ["POST /platform/credentials"] = "issuePlatformCredential",
        ["POST /platform/credentials/{credentialId}/rotate"] = "rotatePlatformCredential",
        ["POST /platform/credentials/{credentialId}/revoke"] = "revokePlatformCredential",
        ["GET /programs"] = "listPrograms",
        ["POST /programs/{key}/operators"] = "addProgramOperator",
        ["DELETE /programs/{key}/operators/{organizationId}"] = "removeProgramOperator",
        ["POST /programs/{key}/members"] = "addProgramMember",
        ["GET /directory"] = "getPublicDirectory",
        ["GET /directory/partners"] = "getPartnerDirectory",
        ["POST /organizations/{id}/donations"] = "recordDonation",
        ["GET /organizations/{id}/donations"] = "listDonations",
        ["GET /organizations/{id}/donations/{donationId}/receipt"] = "getDonationReceipt",
        ["GET /convention-templates"] = "listConventionTemplates",
        ["POST /conventions"] = "createConvention",
        ["GET /conventions"] = "listConventions",
        ["GET /conventions/{id}"] = "getConvention",
        ["PATCH /conventions/{id}"] = "updateConvention",
        ["GET /conventions/{id}/document"] = "getConventionDocument",
        ["GET /conventions/{id}/document-link"] = "getConventionDocumentLink",
        ["GET /conventions/{id}/evidence"] = "getConventionEvidence",
        ["GET /document-links/{token}"] = "openDocumentLink",
        ["POST /conventions/{id}/send-for-signature"] = "sendConventionForSignature",
        ["POST /conventions/{id}/signatures"] = "signConvention",
        ["POST /conventions/{id}/amendments"] = "createAmendment",
        ["GET /conventions/{id}/amendments"] = "listAmendments",
        ["GET /conventions/{id}/amendments/{amendmentId}/document"] = "getAmendmentDocument",
        ["POST /conventions/{id}/amendments/{amendmentId}/signatures"] = "signAmendment",
        ["POST /conventions/{id}/committees"] = "scheduleCommittee",
        ["POST /conventions/{id}/committees/{committeeId}/decision"] = "recordCommitteeDecision",
        ["POST /conventions/{id}/committees/{committeeId}/answer"] = "answerCommitteeDecision",
        ["POST /conventions/{id}/publications"] = "submitPublication",
        ["POST /conventions/{id}/publications/{publicationId}/approvals"] = "approvePublication",
        ["POST /disputes"] = "openDispute",
        ["GET /disputes"] = "listDisputes",
        ["GET /disputes/{id}"] = "getDispute",
        ["POST /disputes/{id}/explanation"] = "submitDisputeExplanation",
        ["POST /disputes/{id}/agreement"] = "recordDisputeAgreement",
        ["POST /disputes/{id}/agreement/withdraw"] = "withdrawDisputeAgreement",
        ["POST /disputes/{id}/termination"] = "terminateDispute",
        ["POST /disputes/{id}/remedy"] = "recordDisputeRemedy",
        ["POST /offers"] = "createOffer",
        ["GET /offers"] = "listOffers",
        ["GET /offers/{id}"] = "getOffer",
        ["PATCH /offers/{id}/sessions/{sessionId}"] = "updateSession",
        ["POST /offers/{id}/sessions/{sessionId}/cancel"] = "cancelSession",
        ["POST /beneficiaries"] = "createBeneficiary",
        ["GET /beneficiaries"] = "listBeneficiaries",
        ["GET /beneficiaries/{id}/export"] = "exportBeneficiary",
        ["DELETE /beneficiaries/{id}"] = "eraseBeneficiary",
        ["GET /personal-data-access"] = "listPersonalDataAccess",
        ["POST /bookings"] = "createBooking",
        ["GET /bookings"] = "listBookings",
        ["GET /bookings/{id}"] = "getBooking",
        ["POST /bookings/{id}/cancel"] = "cancelBooking",
        ["POST /bookings/{id}/invitations/{invitationId}/cancel"] = "cancelInvitation",
        ["PATCH /bookings/{id}/invitations/{invitationId}"] = "updateInvitation",
        ["POST /bookings/{id}/attendance"] = "recordAttendance",
        ["GET /invitations/{id}/document"] = "getInvitationDocument",
        ["GET /organizations/{id}/dashboard"] = "getDashboard",
        ["GET /reports/unused-invitations"] = "getUnusedInvitationsReport",
        ["POST /sessions/{id}/check-ins"] = "checkIn",
        ["GET /sessions/{id}/check-ins"] = "getCheckIns",
        ["POST /programs/culture-pour-tous/seasons/{season}/renewal"] = "renewSeason",
        ["POST /programs/{key}/credentials/reissue"] = "reissueProgramCredentials",
        ["POST /credential-claims/{token}"] = "claimCredential",
        ["GET /ecrieurs"] = "listPublishedWritings",
        ["POST /ecrieurs"] = "submitWriting",
        ["GET /ecrieurs/submissions"] = "listWritingSubmissions",
        ["POST /ecrieurs/{id}/publication"] = "publishWriting",
        ["POST /ecrieurs/{id}/rejection"] = "rejectWriting",
        ["POST /ecrieurs/{id}/withdrawal"] = "withdrawWriting",
        ["POST /venues"] = "createVenue",
        ["GET /venues/{id}"] = "getVenue",
        ["POST /venues/{id}/rooms"] = "addRoom",
        ["POST /venues/{id}/closures"] = "addClosure",
        ["PUT /venues/{id}/opening-hours"] = "setOpeningHours",
        ["POST /venues/{id}/internal-rules"] = "publishInternalRules",
        ["GET /venues/{id}/internal-rules"] = "getInternalRules",
        ["POST /venues/{id}/internal-rules/acknowledgments"] = "acknowledgeInternalRules",
        ["POST /venues/{id}/visits"] = "recordVisits",
        ["GET /venues/{id}/statistics"] = "getVisitStatistics",
        ["GET /venues/{id}/calendar"] = "getVenueCalendar",
        ["POST /permanences"] = "createPermanence",
        ["POST /permanences/{id}/approval"] = "approvePermanence",
        ["POST /permanences/{id}/refusal"] = "refusePermanence",
        ["POST /rooms/{id}/reservations"] = "reserveRoom",
        ["POST /occurrences/{id}/cancel"] = "cancelOccurrence",
        ["POST /occurrences/{id}/appointments"] = "bookAppointment",
        ["GET /appointments/{id}/export"] = "exportAppointment",
        ["DELETE /appointments/{id}"] = "eraseAppointmentHolder",
        ["GET /notices"] = "listNotices",
        ["GET /notices/{id}"] = "getNotice",
        ["GET /notices/{id}/document"] = "getNoticeDocument",
        ["GET /calendar/deadline"] = "computeDeadline",
        ["GET /calendar/holidays"] = "listHolidays",
        ["POST /webhooks"] = "createWebhook",
        ["GET /webhooks"] = "listWebhooks",
        ["GET /webhooks/{id}"] = "getWebhook",
        ["PATCH /webhooks/{id}"] = "updateWebhook",
        ["DELETE /webhooks/{id}"] = "deleteWebhook",
        ["POST /webhooks/{id}/rotate-secret"] = "rotateWebhookSecret",
        ["GET /webhooks/{id}/deliveries"] = "listWebhookDeliveries",
        ["POST /webhooks/{id}/deliveries/{deliveryId}/redeliver"] = "redeliverWebhookDelivery",
        ["POST /webhooks/{id}/test"] = "testWebhook",
        ["POST /admin/jobs/{name}/run"] = "runJob",
    };
}

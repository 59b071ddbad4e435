public class Clients
{
    public void Make(HttpClientHandler handler)
    {
        // ruleid: cs.tls-validation-off
        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        // ok: cs.tls-validation-off
        handler.ServerCertificateCustomValidationCallback = Validate;
    }
}

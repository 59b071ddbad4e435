using Microsoft.AspNetCore.Mvc;

public class GoController : Controller
{
    public IActionResult Go(string returnUrl)
    {
        if (returnUrl == "/")
        {
            // ok: cs.open-redirect
            return LocalRedirect(returnUrl);
        }
        // ruleid: cs.open-redirect
        return Redirect(returnUrl);
    }
}

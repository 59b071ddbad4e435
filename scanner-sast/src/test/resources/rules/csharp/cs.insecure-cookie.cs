public class Cookies
{
    public void Set(HttpResponse response, string token)
    {
        // ruleid: cs.insecure-cookie
        response.Cookies.Append("sid", token, new CookieOptions { Secure = false });
        // ok: cs.insecure-cookie
        response.Cookies.Append("sid", token, new CookieOptions { Secure = true, HttpOnly = true });
    }
}

using Microsoft.AspNetCore.Mvc;

public class HelloController : Controller
{
    public IActionResult Hello(string name)
    {
        if (name == "x")
        {
            // ok: cs.xss-content
            return Content("<h1>Hello " + name + "</h1>", "text/plain");
        }
        // ruleid: cs.xss-content
        return Content("<h1>Hello " + name + "</h1>", "text/html");
    }
}

public class Echo
{
    public async Task Invoke(HttpContext context)
    {
        // ruleid: cs.xss-write
        await context.Response.WriteAsync("<p>" + context.Request.Query["q"] + "</p>");
        // ok: cs.xss-write
        await context.Response.WriteAsync("<p>ok</p>");
    }
}

using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        // ruleid: cs.xss-raw
        var html = new HtmlString("<p>" + name + "</p>");
        // ok: cs.xss-raw
        var safe = new HtmlString("<p>" + HtmlEncoder.Default.Encode(name) + "</p>");
        return Ok();
    }
}

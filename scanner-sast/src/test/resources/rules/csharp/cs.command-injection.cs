using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        // ruleid: cs.command-injection
        Process.Start("ping", "-c 1 " + name);
        // ok: cs.command-injection
        Process.Start("uptime");
        return Ok();
    }
}

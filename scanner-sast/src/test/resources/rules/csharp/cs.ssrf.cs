using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

[ApiController]
public class ItemsController : ControllerBase
{
    [HttpGet("items")]
    public IActionResult Get(string name, int page)
    {
        var client = new HttpClient();
        // ruleid: cs.ssrf
        var body = client.GetStringAsync(name).Result;
        // ok: cs.ssrf
        var fixedBody = client.GetStringAsync("https://api.example.com/items?page=" + page).Result;
        return Ok();
    }
}

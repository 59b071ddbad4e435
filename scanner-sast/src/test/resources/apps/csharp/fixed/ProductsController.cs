using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;

[ApiController]
public class ProductsController : ControllerBase
{
    private readonly SqlConnection _conn;
    private readonly HttpClient _http;

    [HttpGet("products")]
    public IActionResult Find(string name)
    {
        var cmd = new SqlCommand("SELECT * FROM Products WHERE Name = @name", _conn);
        cmd.Parameters.AddWithValue("@name", name);
        return Ok(cmd.ExecuteScalar());
    }

    [HttpGet("ping")]
    public IActionResult Ping(string host)
    {
        var psi = new ProcessStartInfo("ping");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(host);
        Process.Start(psi);
        return Ok();
    }

    [HttpGet("hello")]
    public IActionResult Hello(string name)
    {
        return Content("<h1>Hello " + HtmlEncoder.Default.Encode(name) + "</h1>", "text/html");
    }

    [HttpGet("download")]
    public IActionResult Download(string file)
    {
        var bytes = System.IO.File.ReadAllBytes(Path.Combine("/srv/files", Path.GetFileName(file)));
        return File(bytes, "application/octet-stream");
    }

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string site)
    {
        var body = await _http.GetStringAsync("https://docs.example.com/");
        return Ok(body.Length);
    }

    [HttpGet("login/done")]
    public IActionResult LoginDone(string next)
    {
        return LocalRedirect(next);
    }

    [HttpPost("prefs")]
    public async Task<IActionResult> Prefs()
    {
        return Ok(await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(Request.Body));
    }

    private static byte[] Etag(byte[] body)
    {
        return SHA256.HashData(body);
    }
}

using Kontor.Features.Activities;
using Kontor.Features.Customers;
using Kontor.Features.Sales;
using Kontor.Features.Demo;
using Kontor.Features.Integration;
using Kontor.Features.Privacy;
using Kontor.Platform.Administration;
using Kontor.Platform.Cli;
using Kontor.Platform.Hosting;

if (args is ["admin", ..])
{
    return await AdminCli.RunAsync(args[1..]);
}

// --demo is Kontor's own switch; the configuration reader would otherwise take the next argument as its value.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
builder.AddKontorPlatform();
builder.Services.AddCustomers();
builder.Services.AddActivities();
builder.Services.AddSales();
builder.Services.AddIntegration(builder.Configuration);
builder.Services.AddPrivacy(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (demo)
{
    await app.LoadDemoTenantAsync();
}

app.UseKontorPlatform();
app.MapKontorPlatform();
app.MapAdministration();
app.MapCustomers();
app.MapActivities();
app.MapSales();
app.MapIntegration();
app.MapPrivacy();

await app.RunAsync();
return 0;

/// <summary>The application's entry point; public so tests can host it.</summary>
public partial class Program;

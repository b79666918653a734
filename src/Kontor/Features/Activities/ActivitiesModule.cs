using Kontor.Components.Shared;
using Kontor.Features.Activities.Calls;
using Kontor.Features.Activities.Meetings;
using Kontor.Features.Activities.Notes;
using Kontor.Features.Activities.Shared;
using Kontor.Features.Activities.Tasks;
using Kontor.Features.Activities.Timeline;
using Kontor.Features.Activities.Visits;
using Kontor.Platform.Identity;
using Kontor.Platform.Records;

namespace Kontor.Features.Activities;

/// <summary>Tasks, notes, calls and meetings attached to records, the timeline of a record, and "My tasks".</summary>
internal static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddSingleton(ActivityObjects.Activities);
        services.AddScoped<ActivityAccess>();
        services.AddScoped<IRecordMergeParticipant, ActivityMergeParticipant>();
        services.AddSingleton<IRecordPurgeParticipant, ActivityPurgeParticipant>();
        services.AddSingleton(new RecordSection(typeof(Timeline.Pages.RecordTimeline), Order: 100));
        services.AddSingleton(new AppBarItem(typeof(Tasks.Pages.TaskReminder), Order: 100));
        return services;
    }

    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(KontorAuth.ApiPolicy);
        GetActivity.Map(activities);
        CreateTask.Map(activities);
        UpdateTask.Map(activities);
        CreateNote.Map(activities);
        UpdateNote.Map(activities);
        LogCall.Map(activities);
        UpdateCall.Map(activities);
        ScheduleMeeting.Map(activities);
        UpdateMeeting.Map(activities);
        ExportMeetingInvite.Map(activities);
        PlanVisit.Map(activities);
        ReportVisit.Map(activities);
        DeleteActivity.Map(activities);
        RestoreActivity.Map(activities);

        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(KontorAuth.ApiPolicy);
        ListTasks.Map(tasks);
        CompleteTask.Map(tasks);

        var visits = app.MapGroup("/api/visits").WithTags("Visits").RequireAuthorization(KontorAuth.ApiPolicy);
        ListMyVisits.Map(visits);
        ExportVisitCalendar.Map(visits);
        ExportVisitCalendar.MapForUi(app);

        GetTimeline.Map(app);
        ExportMeetingInvite.MapForUi(app);
        return app;
    }
}

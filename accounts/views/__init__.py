"""The accounts app's views: signing up and passwords (account), teacher invitations (invites),
the language switcher (language). The class pages are in accounts/views_classes.py."""

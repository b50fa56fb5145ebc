from functools import wraps

from django.core.exceptions import PermissionDenied

from .models import Role


def role_required(*roles: str):
    """Run the view only for members whose role in the active organisation is in ``roles``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            membership = getattr(request, "membership", None)
            if membership is None or membership.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = tuple(roles)
        return wrapped

    return decorator


STAFF_WITH_PARTICIPANTS = (Role.ADMIN, Role.COACH)
ADMIN_ONLY = (Role.ADMIN,)
